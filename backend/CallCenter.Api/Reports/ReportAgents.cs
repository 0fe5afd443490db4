using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Reports;

/// <summary>
/// Agent-level report rows are team-scoped (R-ROLE-2): a supervisor reads the agents of the teams they supervise (and
/// themselves), analysts, auditors and admins every agent. Naming another team's agent in a filter is 403; rows keyed by
/// an agent the reader may not see are left out (so are rows of no agent). Rows that sum over agents (by day, skill group,
/// area…) are center figures and stay whole.
/// </summary>
public static class ReportAgents
{
    /// <summary>The agents whose rows the reader sees (null: all). 403 when <paramref name="agent"/> names one they may not see.</summary>
    public static async Task<HashSet<string>?> VisibleAsync(CurrentUser me, string? agent, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(agent) && !await me.MaySeeAgentAsync(agent, ct))
            throw new ForbiddenException($"'{me.Id}' may not read the reports of agent '{agent}' (not in a team they supervise).");
        return await me.VisibleAgentsAsync(ct);
    }

    /// <summary>The rows of the agents in <paramref name="visible"/> (all rows when it is null).</summary>
    public static List<T> Only<T>(IEnumerable<T> rows, HashSet<string>? visible, Func<T, string> agentOf) =>
        visible is null ? rows.ToList() : rows.Where(r => visible.Contains(agentOf(r))).ToList();

    /// <summary>Rows keyed by <paramref name="grouping"/>: only the visible agents' when grouped by agent.</summary>
    public static List<T> Only<T>(IEnumerable<T> rows, string grouping, HashSet<string>? visible, Func<T, string> keyOf) =>
        grouping == Intervals.IntervalQuery.Agent ? Only(rows, visible, keyOf) : rows.ToList();
}
