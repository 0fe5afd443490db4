using System.Text.Json;
using CallCenter.Agents;
using CallCenter.Agents.CurrentStates;
using CallCenter.Calls.LiveCalls;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Reports;
using CallCenter.Reports.Intervals;
using CallCenter.Telephony.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Supervisor.Wallboard;

/// <summary>
/// Builds the wallboard from read models only: live calls (waiting, longest wait, in progress), agent states, and the
/// interval-KPI totals of the center's today (the very query behind the service-level report, so the two agree).
/// </summary>
public sealed class WallboardQuery(ReadModelDb db, AgentStateQueries agents, QueueDirectory queues, TeamScope teams, CenterClock center, TimeProvider clock)
{
    public async Task<Wallboard> BuildAsync(HashSet<string>? visibleAgents, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = center.Today;
        var range = new ReportRange(center.StartOf(today), center.StartOf(today.AddDays(1)), center.Zone);
        var totals = (await IntervalQuery.TotalsAsync(db, range, IntervalQuery.SkillGroup, new IntervalFilters(), ct))
            .ToDictionary(t => t.Key, t => ServiceLevelReport.Row(t));
        var live = await LiveInboundAsync(ct);

        var queueIds = (await queues.AllAsync(ct)).Select(q => q.Id)
            .Concat(totals.Keys).Concat(live.Select(c => c.Queue!)).Distinct().ToList();
        var rows = queueIds.Select(q =>
        {
            var calls = live.Where(c => c.Queue == q).ToList();
            var waiting = calls.Where(IsWaiting).ToList();
            var longest = waiting.Count == 0 ? 0 : (int)Math.Max(0, waiting.Max(c => (now - (c.QueuedAt ?? c.StartedAt)).TotalSeconds));
            var t = totals.GetValueOrDefault(q);
            return new WallboardQueue(q, waiting.Count, longest, calls.Count - waiting.Count,
                t?.Offered ?? 0, t?.Answered ?? 0, t?.Abandoned ?? 0, t?.ServiceLevel);
        }).ToList();

        var scope = await teams.GetAsync(ct);
        var states = (await agents.AllAsync(ct)).Where(a => visibleAgents is null || visibleAgents.Contains(a.AgentId))
            .Select(a => new WallboardAgent(a.AgentId, a.Name, scope.TeamOf(a.AgentId), a.State,
                a.State == AgentStatus.NotReady ? a.ReasonCode : null,
                a.State == AgentStatus.SignedOut || a.Since is null ? null : (int)Math.Max(0, (now - a.Since.Value).TotalSeconds)))
            .ToList();
        var byTeam = states.Where(a => a.TeamId is not null).GroupBy(a => a.TeamId!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WallboardTeam(g.Key, scope.Teams.TryGetValue(g.Key, out var team) ? team.Name : g.Key,
                g.GroupBy(a => a.State).ToDictionary(s => s.Key, s => s.Count())))
            .ToList();
        return new Wallboard(now, today.ToString("yyyy-MM-dd"), rows, states, byTeam);
    }

    /// <summary>A queued call nobody is talking to yet (ringing at an agent still counts: the caller waits).</summary>
    static bool IsWaiting(LiveCall c) => !c.Parties.Any(p => p.State is LiveCall.States.Talking or LiveCall.States.Held);

    async Task<List<LiveCall>> LiveInboundAsync(CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<string>($"select data::text as \"Value\" from live_calls").ToListAsync(ct);
        return rows.Select(r => JsonSerializer.Deserialize<LiveCall>(r, Json.Options)!)
            .Where(c => !c.Ended && c.Direction == "inbound" && c.Queue is not null).ToList();
    }
}
