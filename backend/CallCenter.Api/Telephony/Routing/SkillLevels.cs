using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

/// <summary>
/// The agents' proficiency (1–5) in each of their skill groups, as admins set it on the users (R-ADM-1), for the ACD:
/// held for a few seconds, reloaded right after an admin changes a user or a group's members.
/// </summary>
public sealed class SkillLevels
{
    /// <summary>The level of a group listed without one (and of an agent the users table does not know).</summary>
    public const int Default = 3;
    readonly Snapshot<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> levels;

    public SkillLevels(IServiceScopeFactory scopes, TimeProvider clock) =>
        levels = new(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            var rows = await db.Users.AsNoTracking().Select(u => new { u.Id, u.SkillGroups, u.SkillLevels }).ToListAsync(ct);
            return rows.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, int>)Pair(r.SkillGroups, r.SkillLevels), StringComparer.Ordinal);
        }, clock, TimeSpan.FromSeconds(10));

    /// <summary>Group → level, from the users' parallel <c>skill_groups</c> and <c>skill_levels</c> columns (a missing level is <see cref="Default"/>).</summary>
    public static Dictionary<string, int> Pair(string[] groups, int[] levels)
    {
        var byGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++) byGroup.TryAdd(groups[i], i < levels.Length && levels[i] is >= 1 and <= 5 ? levels[i] : Default);
        return byGroup;
    }

    public async Task<int> LevelAsync(string agentId, string group, CancellationToken ct) =>
        (await levels.GetAsync(ct)).TryGetValue(agentId, out var mine) && mine.TryGetValue(group, out var level) ? level : Default;

    /// <summary>After an admin saved a user's skill groups or levels: the next routing decision reads them afresh.</summary>
    public void Invalidate() => levels.Invalidate();
}
