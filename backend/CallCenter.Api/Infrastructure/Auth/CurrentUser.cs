using System.Security.Claims;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Infrastructure.Auth;

/// <summary>The signed-in user of this request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, TeamScope teams)
{
    ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    public string Id => Principal.Identity?.Name ?? throw new ForbiddenException("Not signed in.");
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool CanSupervise => IsInRole(Roles.Supervisor) || IsInRole(Roles.Admin);
    public bool IsAdmin => IsInRole(Roles.Admin);

    /// <summary>Sees every agent (admins, analysts, auditors); a supervisor only those of their teams (R-ROLE-2).</summary>
    public bool SeesAllAgents => IsAdmin || IsInRole(Roles.Analyst) || IsInRole(Roles.Auditor);

    /// <summary>
    /// An agent acts only for itself; admins may act for any agent, supervisors for the agents of the teams they
    /// supervise (R-SUP-5, R-ROLE-2).
    /// </summary>
    public async Task EnsureMayActForAsync(string agentId, CancellationToken ct)
    {
        if (string.Equals(agentId, Id, StringComparison.Ordinal) || IsAdmin) return;
        if (IsInRole(Roles.Supervisor) && (await teams.GetAsync(ct)).MaySupervise(Id, agentId)) return;
        throw new ForbiddenException($"'{Id}' may not act for agent '{agentId}'.");
    }

    /// <summary>May read this agent's state, calls and reports: itself, anyone who sees all agents, its team's supervisors.</summary>
    public async Task<bool> MaySeeAgentAsync(string agentId, CancellationToken ct) =>
        string.Equals(agentId, Id, StringComparison.Ordinal) || SeesAllAgents
        || IsInRole(Roles.Supervisor) && (await teams.GetAsync(ct)).MaySupervise(Id, agentId);

    /// <summary>The agents this user may see, or null for all of them.</summary>
    public async Task<HashSet<string>?> VisibleAgentsAsync(CancellationToken ct)
    {
        if (SeesAllAgents) return null;
        var visible = IsInRole(Roles.Supervisor) ? (await teams.GetAsync(ct)).AgentsOf(Id) : [];
        visible.Add(Id);
        return visible;
    }

    /// <summary>Metadata for the events this request causes.</summary>
    public EventMetadata Metadata(string? agentId = null) => new(
        Id,
        agentId is not null && agentId != Id && CanSupervise ? EventMetadata.Sources.Supervisor : EventMetadata.Sources.Agent,
        correlationId);

    /// <summary>Metadata for an admin change.</summary>
    public EventMetadata AdminMetadata() => new(Id, EventMetadata.Sources.Admin, correlationId);

    // Scoped, so one per request: every event a request appends (e.g. a tag on the call and on the agent) shares it.
    readonly Guid correlationId = Guid.NewGuid();
}
