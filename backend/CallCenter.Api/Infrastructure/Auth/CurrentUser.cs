using System.Security.Claims;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Infrastructure.Auth;

/// <summary>The signed-in user of this request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    public string Id => Principal.Identity?.Name ?? throw new ForbiddenException("Not signed in.");
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool CanSupervise => IsInRole(Roles.Supervisor) || IsInRole(Roles.Admin);

    /// <summary>An agent acts only for itself; supervisors and admins may act for any agent (R-SUP-5).</summary>
    public void EnsureMayActFor(string agentId)
    {
        if (!string.Equals(agentId, Id, StringComparison.Ordinal) && !CanSupervise)
            throw new ForbiddenException($"'{Id}' may not act for agent '{agentId}'.");
    }

    /// <summary>Metadata for the events this request causes.</summary>
    public EventMetadata Metadata(string? agentId = null) => new(
        Id,
        agentId is not null && agentId != Id && CanSupervise ? EventMetadata.Sources.Supervisor : EventMetadata.Sources.Agent,
        correlationId);

    // Scoped, so one per request: every event a request appends (e.g. a tag on the call and on the agent) shares it.
    readonly Guid correlationId = Guid.NewGuid();
}
