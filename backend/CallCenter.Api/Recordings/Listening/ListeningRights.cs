using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Recordings.Listening;

/// <summary>Whose calls a user may see in the call log and the recordings, and hear.</summary>
/// <param name="All">Every call.</param>
/// <param name="Self">The user's own calls (the user was an agent on them).</param>
/// <param name="Team">The calls of the agents of this team.</param>
public sealed record CallScope(bool All, string? Self, string? Team)
{
    public static readonly CallScope Nothing = new(false, null, null);
    public bool None => !All && Self is null && Team is null;
}

/// <summary>
/// The one place that answers "may this user hear this agent's call?" (R-REC-1): QA and admins every call, supervisors
/// the calls of their team's agents (today the team is users.team; the users engineer's teams replace this lookup), agents
/// their own calls. Auditors see who listened (the metadata of every recording) but hear nothing.
/// </summary>
public sealed class ListeningRights(CurrentUser user, ReadModelDb db)
{
    /// <summary>The calls whose recordings the user may hear (and whose log entries the user may read).</summary>
    public async Task<CallScope> HearingScopeAsync(CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Qa)) return new CallScope(true, null, null);
        var self = user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor) ? user.Id : null;
        var team = user.IsInRole(Roles.Supervisor) ? await TeamOfAsync(user.Id, ct) : null;
        return new CallScope(false, self, team);
    }

    /// <summary>The recordings the user may find: whom they may hear, and every recording for auditors.</summary>
    public async Task<CallScope> SearchScopeAsync(CancellationToken ct) =>
        user.IsInRole(Roles.Auditor) ? new CallScope(true, null, null) : await HearingScopeAsync(ct);

    /// <summary>Whether the user may hear a call that these agents were on.</summary>
    public async Task<bool> MayHearAsync(IReadOnlyCollection<string> agents, CancellationToken ct)
    {
        var scope = await HearingScopeAsync(ct);
        if (scope.All) return true;
        if (scope.Self is { } self && agents.Contains(self)) return true;
        return scope.Team is { } team && await db.Users.AsNoTracking().AnyAsync(u => agents.Contains(u.Id) && u.Team == team, ct);
    }

    async Task<string?> TeamOfAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Team).SingleOrDefaultAsync(ct);
}
