using System.Text.Json;
using CallCenter.Calls.LiveCalls;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Realtime;
using CallCenter.Supervisor.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Supervisor.Thresholds;

/// <summary>
/// R-SUP-6 team thresholds: every <see cref="Every"/> it compares the agents' states (agent_states: state and since, event
/// time) and held legs and waiting calls (live_calls) with each team's thresholds (<see cref="ThresholdRules"/>), and pushes each
/// new breach once as a `supervisorNotification` of kind "threshold" to the team's supervisors and admins. A breach's time is
/// when it was crossed in event time (since + limit); only the moment it is noticed follows the clock.
/// </summary>
public sealed class ThresholdWatch(IServiceScopeFactory scopes, TeamScope teams, IHubContext<DesktopHub> hub, TimeProvider clock,
    CallCenter.Infrastructure.Http.Outages outages, ILogger<ThresholdWatch> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    readonly HashSet<string> told = [];

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await WatchOnceAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception e) when (CallCenter.Infrastructure.Http.Outages.IsOutage(e)) { outages.Failed(e); } // logged once per outage
            catch (Exception e) { log.LogWarning(e, "Threshold watch failed; trying again."); }
            try { await Task.Delay(Every, clock, ct); } catch (OperationCanceledException) { break; }
        }
    }

    async Task WatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var set = await TeamThresholdStore.AllAsync(db, ct);
        if (set.Count == 0) return;
        var scopeOfTeams = await teams.GetAsync(ct);
        var states = await db.AgentStates.AsNoTracking().Where(a => a.Since != null)
            .Select(a => new { a.AgentId, a.State, a.Since, a.SkillGroups }).ToListAsync(ct);
        var live = (await db.Database.SqlQuery<string>($"select data::text as \"Value\" from live_calls").ToListAsync(ct))
            .Select(d => JsonSerializer.Deserialize<LiveCall>(d, Json.Options)!).Where(c => !c.Ended).ToList();
        var heldSince = live.SelectMany(c => c.Parties).Where(p => p.State == LiveCall.States.Held)
            .GroupBy(p => p.AgentId).ToDictionary(g => g.Key, g => g.Min(p => p.Since));
        var waiting = live.Where(c => c.QueuedAt is not null && c.Queue is not null && !c.Parties.Any(p => p.State != LiveCall.States.Ringing)).ToList();
        var now = clock.GetUtcNow();
        var current = new HashSet<string>();
        foreach (var (teamId, thresholds) in set)
        {
            var members = states.Where(s => scopeOfTeams.TeamOf(s.AgentId) == teamId).ToList();
            var groups = members.SelectMany(m => m.SkillGroups).ToHashSet();
            var queued = waiting.Where(c => groups.Contains(c.Queue!)).ToList();
            var breaches = ThresholdRules.Breaches(thresholds,
                members.Select(m => new WatchedAgent(m.AgentId, m.State, m.Since!.Value, heldSince.TryGetValue(m.AgentId, out var h) ? h : null)),
                queued.Count, queued.Count == 0 ? null : queued.Min(c => c.QueuedAt), now);
            foreach (var b in breaches)
            {
                var key = teamId + "|" + b.Key;
                current.Add(key);
                if (!told.Add(key)) continue;
                var name = b.AgentId is null ? "" : await scope.ServiceProvider.GetRequiredService<UserDirectory>().NameOfAsync(b.AgentId, ct);
                await hub.Clients.Groups([DesktopHub.AllAgentsGroup, DesktopHub.TeamGroup(teamId)]).SendAsync(SupervisorNotifications.Method,
                    new SupervisorNotification(key, "threshold", b.AgentId ?? "", name, teamId, null, b.At)
                    { Threshold = b.Kind, LimitSeconds = b.Limit, Count = b.Count }, ct);
            }
        }
        told.IntersectWith(current); // a breach that ended may be told again when it happens again
    }
}
