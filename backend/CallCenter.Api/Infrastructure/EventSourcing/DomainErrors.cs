namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>A business rule forbids the command in the current state (HTTP 422).</summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>The thing addressed does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
