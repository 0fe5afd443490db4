namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>
/// A business rule forbids the command in the current state (HTTP 422). Code: a stable camelCase id the SPA translates
/// (problem details extension "code", with "args" for its placeholders); the message stays the English fallback.
/// </summary>
public sealed class RuleViolationException(string message, string? code = null, IReadOnlyDictionary<string, string>? args = null) : Exception(message)
{
    public string? Code { get; } = code;
    public IReadOnlyDictionary<string, string> Args { get; } = args ?? new Dictionary<string, string>();
}

/// <summary>The thing addressed does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
