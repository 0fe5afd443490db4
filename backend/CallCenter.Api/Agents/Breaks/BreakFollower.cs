using CallCenter.EventStore;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Agents.Breaks;

/// <summary>
/// Carries break decisions to the agents and agents' moves back to the breaks (R-STATE-3, decision 0024):
/// <list type="bullet">
/// <item>a granted break moves the agent (<see cref="AgentDecider.TakeBreak"/>: not ready now, or scheduled after the wrap-up);</item>
/// <item>once a scheduled break's call is tagged, the agent goes not ready with it (<see cref="AgentDecider.StartScheduledBreak"/>) —
///   the agent stays in after-call work until then, so no call is offered in between;</item>
/// <item>the agent on the break: <see cref="BreakStarted"/>; the agent off it (or gone before it began): the place frees and the
///   oldest waiting requests are granted (<see cref="BreakDecider.AgentLeft"/>).</item>
/// </list>
/// Every decision is idempotent on the current states, so a replay after a restart appends nothing twice.
/// Pushes "breakRequestChanged" to the agent, the team's supervisors and admins.
/// </summary>
public sealed class BreakFollower(IEventStore store, TeamScope teams, TimeProvider clock) : IReactor
{
    public string Name => "break-follower";
    public EventFilter Filter { get; } = EventFilter.Streams(TeamBreaksStream.Prefix, AgentStream.Prefix);

    public Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct) => Task.FromResult(false);

    public sealed record Changed(string TeamId, string RequestId, string AgentId);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var pipeline = new CommandPipeline(store);
        var pushes = new List<Changed>();
        var fresh = clock.GetUtcNow() - DesktopPush.Fresh;
        Func<string, BreakRule>? rules = null;
        foreach (var recorded in batch)
        {
            if (recorded.StreamId.StartsWith(TeamBreaksStream.Prefix, StringComparison.Ordinal))
            {
                if (TeamBreaksStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
                var (breaks, _) = await pipeline.LoadAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(e.TeamId, ct);
                if (breaks.Find(e.RequestId) is not { } r) continue;
                if (recorded.Created >= fresh) pushes.Add(new Changed(e.TeamId, r.Id, r.AgentId));
                if (e is BreakApproved && r.State == BreakStates.Approved)
                {
                    var actor = EventMetadata.FromJson(recorded.Metadata)?.Actor ?? "system";
                    await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(r.AgentId, null,
                        s => AgentDecider.TakeBreak(s, r.AgentId, r.ReasonCode, r.Id, clock.GetUtcNow()),
                        new EventMetadata(actor, EventMetadata.Sources.System, Guid.NewGuid(), recorded.EventId), ct);
                }
                continue;
            }
            if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } agentEvent || !Moves(agentEvent)) continue;
            var teamId = (await teams.GetAsync(ct)).TeamOf(agentEvent.AgentId) ?? BreakDesk.NoTeam;
            var (team, _) = await pipeline.LoadAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, ct);
            if (team.Requests.LastOrDefault(q => q.AgentId == agentEvent.AgentId && q.State == BreakStates.Approved) is not { } open) continue;
            rules ??= await RulesAsync(db, ct);
            await FollowAsync(pipeline, teamId, open, agentEvent, recorded, rules, ct);
        }
        return pushes;
    }

    /// <summary>The agent events that can begin, end or give up a granted break.</summary>
    static bool Moves(AgentEvent e) => e is AgentBecameReady or AgentBecameNotReady or AgentSignedOut or AgentEndedWrapUp or AgentCallTagged or AgentBreakScheduled;

    async Task FollowAsync(CommandPipeline pipeline, string teamId, BreakRequest open, AgentEvent e, RecordedEvent recorded, Func<string, BreakRule> rules, CancellationToken ct)
    {
        var meta = new EventMetadata("system", EventMetadata.Sources.System, Guid.NewGuid(), recorded.EventId);
        var (agent, _) = await pipeline.LoadAsync<AgentStream, Agent, AgentEvent>(open.AgentId, ct);
        if (agent.Status == AgentStatus.NotReady && agent.ReasonCode == open.ReasonCode)
        {
            await pipeline.HandleAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, null, s => BreakDecider.Started(s, teamId, open.Id, agent.Since ?? e.At), meta, ct);
            return;
        }
        if (agent.ScheduledReasonCode == open.ReasonCode)
        {
            // the call is tagged: the break begins now (after-call work kept the agent from calls until here)
            await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(open.AgentId, null, s => AgentDecider.StartScheduledBreak(s, open.AgentId, clock.GetUtcNow()), meta, ct);
            return;
        }
        // Elsewhere: back from the break, or (not begun yet) gone elsewhere after the approval.
        var left = open.StartedAt is not null || open.DecidedAt is { } decided && e.At >= decided && e is not (AgentCallTagged or AgentBreakScheduled);
        if (left)
            await pipeline.HandleAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, null, s => BreakDecider.AgentLeft(s, teamId, open.Id, rules, e.At), meta, ct);
    }

    static async Task<Func<string, BreakRule>> RulesAsync(ReadModelDb db, CancellationToken ct)
    {
        var all = await db.ReasonCodes.AsNoTracking().ToDictionaryAsync(r => r.Code, r => new BreakRule(r.NeedsApproval, r.MaxAway), ct);
        return code => all.GetValueOrDefault(code) ?? new BreakRule(false, null);
    }

    public async Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not List<Changed> { Count: > 0 } changes) return;
        var hub = services.GetRequiredService<IHubContext<DesktopHub>>();
        foreach (var c in changes.Distinct())
            await hub.Clients.Groups([DesktopHub.UserGroup(c.AgentId), DesktopHub.AllAgentsGroup, DesktopHub.TeamGroup(c.TeamId)])
                .SendAsync("breakRequestChanged", c, ct);
    }
}
