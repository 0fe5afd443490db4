using CallCenter.Infrastructure.Persistence;
using CallCenter.Users;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Auth;

/// <summary>
/// Who supervises and administers whom (R-ROLE-2): a snapshot of teams and memberships, reloaded when this instance
/// changes a team or a user and at most <see cref="MaxAge"/> old otherwise.
/// </summary>
public sealed class TeamScope(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    public sealed record Snapshot(IReadOnlyDictionary<string, TeamRow> Teams, IReadOnlyDictionary<string, string?> TeamOfUser)
    {
        public bool Supervises(string supervisorId, string? teamId) =>
            teamId is not null && Teams.TryGetValue(teamId, out var t) && t.Supervisors.Contains(supervisorId, StringComparer.Ordinal);
        public bool Administers(string adminId, string? teamId) =>
            teamId is not null && Teams.TryGetValue(teamId, out var t) && t.Admins.Contains(adminId, StringComparer.Ordinal);
        public string? TeamOf(string userId) => TeamOfUser.GetValueOrDefault(userId);
        public bool MaySupervise(string supervisorId, string agentId) => Supervises(supervisorId, TeamOf(agentId));
        public HashSet<string> AgentsOf(string supervisorId) =>
            TeamOfUser.Where(u => Supervises(supervisorId, u.Value)).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        public string[] TeamsSupervisedBy(string userId) => Teams.Values.Where(t => t.Supervisors.Contains(userId)).Select(t => t.Id).ToArray();
        public string[] TeamsAdministeredBy(string userId) => Teams.Values.Where(t => t.Admins.Contains(userId)).Select(t => t.Id).ToArray();
    }

    volatile Tuple<Snapshot, DateTimeOffset>? current;
    readonly SemaphoreSlim loading = new(1, 1);

    public void Invalidate() => current = null;

    public async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var c = current;
        if (c is not null && clock.GetUtcNow() - c.Item2 < MaxAge) return c.Item1;
        await loading.WaitAsync(ct);
        try
        {
            c = current;
            if (c is not null && clock.GetUtcNow() - c.Item2 < MaxAge) return c.Item1;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            var teams = await db.Set<TeamRow>().AsNoTracking().ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, ct);
            var members = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Team }).ToDictionaryAsync(u => u.Id, u => u.Team, StringComparer.Ordinal, ct);
            var snapshot = new Snapshot(teams, members);
            current = Tuple.Create(snapshot, clock.GetUtcNow());
            return snapshot;
        }
        finally { loading.Release(); }
    }
}
