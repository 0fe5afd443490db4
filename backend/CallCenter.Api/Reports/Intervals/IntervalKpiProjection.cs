using System.Text.Json;
using CallCenter.Agents;
using CallCenter.Agents.CurrentStates;
using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Settings;
using CallCenter.Telephony.Routing;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Reports.Intervals;

/// <summary>
/// R-RPT-3/4/5: interval KPIs in 15-minute buckets of event time, from call and agent streams. Each batch is folded in
/// memory: the working state of the calls and agents it touches is read in one query each, the calls' contribution
/// changes and the agents' finished state times are summed per row, and each table is written with one set-based
/// statement. Event time only, never the wall clock: a rebuild from position 0 gives the same rows.
/// </summary>
public sealed class IntervalKpiProjection(QueueDirectory queues, IEventStore events) : IProjection
{
    public const string ProjectionName = "interval-kpis";
    public string Name => ProjectionName;
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix, AgentStream.Prefix);

    /// <summary>Only these are decoded; the others change no KPI.</summary>
    static readonly HashSet<string> CallTypes =
    [
        "CallArrived.v1", "CallQueued.v1", "CallOffered.v1", "CallAnswered.v1", "CallConferenced.v1", "CallHeld.v1", "CallRetrieved.v1",
        "CallTransferred.v1", "CallPartyLeft.v1", "CallAbandoned.v1", "CallEnded.v1", "CallRejected.v1", "CallTagged.v1",
        "CallDialed.v1", // changes no KPI: an outbound or internal call's first event, so its working state exists from the start
    ];
    static readonly HashSet<string> SkippedAgentTypes = ["AgentForwardingSet.v1", "AgentAutoAnswerSet.v1"];

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existing = 0;
        foreach (var table in IntervalKpiTables.All)
            if (await AgentStateProjection.TableExistsAsync(db, table, ct)) existing++;
        var complete = existing == IntervalKpiTables.All.Length;
        if (!complete && existing > 0) // a table is missing: all are rebuilt from the events
            await db.Database.ExecuteSqlRawAsync(string.Concat(IntervalKpiTables.All.Select(t => $"drop table if exists {t};")), ct);
        await db.Database.ExecuteSqlRawAsync(IntervalKpiTables.Ddl, ct);
        return !complete;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var callEvents = new List<(CallEvent Event, long Revision)>();
        var firstRevisions = new Dictionary<string, long>(); // of every call stream in the batch, whatever the event's type
        var agentEvents = new List<(AgentEvent Event, long Revision)>();
        foreach (var recorded in batch)
        {
            if (recorded.StreamId.StartsWith(CallStream.Prefix, StringComparison.Ordinal))
            {
                firstRevisions.TryAdd(recorded.StreamId, recorded.StreamRevision);
                if (CallTypes.Contains(recorded.Type) && CallStream.Decode(recorded.Type, recorded.Data) is { } c) callEvents.Add((c, recorded.StreamRevision));
            }
            else if (!SkippedAgentTypes.Contains(recorded.Type) && AgentStream.Decode(recorded.Type, recorded.Data) is { } a) agentEvents.Add((a, recorded.StreamRevision));
        }
        if (callEvents.Count == 0 && agentEvents.Count == 0) return null;
        var store = new IntervalKpiStore(await Sql.ConnectionAsync(db, ct));
        if (callEvents.Count > 0)
        {
            var clock = await store.LoadClockAsync(ct);
            clock = await ApplyCallsAsync(store, callEvents, firstRevisions, clock, await SettingsAsync(ct), ct);
            if (clock is { } now)
            {
                await store.SaveClockAsync(now, ct);
                await store.DropIdleCallsAsync(now, ct);
            }
        }
        if (agentEvents.Count > 0) await ApplyAgentsAsync(store, agentEvents, ct);
        return callEvents.Count > 0 ? true : null; // today's call figures changed: the wallboard refetches
    }

    /// <summary>
    /// The whole KPI settings history, read from the event store (a short stream). Every value carries the time it took effect,
    /// and the first recorded change of a queue records the value before it from the beginning of time, so a call reads the
    /// same threshold live (before the change was recorded, from the queue's configuration) and in any rebuild (decision 0008).
    /// </summary>
    async Task<CenterSettingsHistory> SettingsAsync(CancellationToken ct)
    {
        var history = CenterSettingsHistory.Empty;
        await foreach (var e in events.ReadStreamAsync(CenterSettingsStream.StreamId(CenterSettingsStream.Id), ct: ct))
            if (CenterSettingsStream.Decode(e.Type, e.Data) is { } changed) history = CenterSettingsStream.Evolve(history, changed);
        return history;
    }

    /// <summary>
    /// Folds a batch's call events in event time (issue 12). A call whose events in the batch all belong after what is already
    /// folded for it (the usual case) is folded on top of its working state. Otherwise — an event arrived late, or the call's
    /// working state is gone (closed, or forgotten as idle) and it gets another event — the call is refolded from its stream:
    /// its contributions before the batch (the events stored before it) are taken back and those of all its events added.
    /// Either way a call's figures are a function of its set of events only (<see cref="CallWork.Fold"/>), so any arrival order,
    /// any batching and a rebuild give the same rows. <paramref name="clock"/> is the latest call event time seen before the
    /// batch (idle working states are forgotten by it); returns the clock after the batch.
    /// </summary>
    async Task<DateTimeOffset?> ApplyCallsAsync(IntervalKpiStore store, List<(CallEvent Event, long Revision)> events,
        Dictionary<string, long> firstRevisions, DateTimeOffset? clock, CenterSettingsHistory settings, CancellationToken ct)
    {
        var ids = events.Select(e => e.Event.CallId).ToHashSet();
        var loaded = await store.LoadAsync<CallWork>(IntervalKpiTables.CallWork, "call_id", ids, ct);
        var configured = (await queues.AllAsync(ct)).ToDictionary(q => q.Id, q => q.ServiceLevelSeconds > 0 ? q.ServiceLevelSeconds : Measures.DefaultServiceLevelSeconds);
        // The threshold recorded for the queue at that time; a queue never changed since the history began keeps its configured value.
        int SlSecondsOf(string queue, DateTimeOffset at) =>
            settings.ServiceLevelSecondsAt(queue, at) ?? configured.GetValueOrDefault(queue, Measures.DefaultServiceLevelSeconds);
        long ShortAbandonMsAt(DateTimeOffset at) => settings.ShortAbandonSecondsAt(at) * 1000L;

        var deltas = new Dictionary<IntervalKey, long[]>();
        var facts = new List<CallFact>();
        var upserts = new List<(string, CallWork)>();
        var deletes = new List<string>();
        foreach (var group in events.GroupBy(e => e.Event.CallId))
        {
            var id = group.Key;
            var arrived = CallStream.InEventTime(group, e => e.Event).ToList();
            var first = firstRevisions[CallStream.StreamId(id)];
            var work = loaded.GetValueOrDefault(id);
            if (work is null && first == 0) work = new CallWork(); // a new call: nothing of it was folded before
            if (work is not null && !work.IsBefore(arrived[0].Event))
                CallContributions.Add(work, -1, deltas);
            else
            {
                var history = await CallEventsAsync(id, group.Max(e => e.Revision), ct);
                CallContributions.Add(Folded(history.Where(e => e.Revision < first)), -1, deltas);
                work = new CallWork();
                arrived = history;
            }
            work.Fold(arrived.Select(e => e.Event), SlSecondsOf, ShortAbandonMsAt);
            CallContributions.Add(work, +1, deltas);
            if (CallContributions.Fact(id, work) is { } fact) facts.Add(fact);
            if (!work.Closed) upserts.Add((id, work));
            else if (loaded.ContainsKey(id)) deletes.Add(id);
            foreach (var (e, _) in group) if (clock is null || e.At > clock) clock = e.At;
        }
        await store.AddIntervalsAsync(deltas, ct);
        await store.UpsertCallsAsync(facts, ct);
        await store.SaveAsync(IntervalKpiTables.CallWork, "call_id", upserts, deletes, ct);
        return clock;

        CallWork Folded(IEnumerable<(CallEvent Event, long Revision)> inEventTime)
        {
            var w = new CallWork();
            w.Fold(inEventTime.Select(e => e.Event), SlSecondsOf, ShortAbandonMsAt);
            return w;
        }
    }

    /// <summary>A call's KPI events up to <paramref name="lastRevision"/>, read from its stream, in event-time order.</summary>
    async Task<List<(CallEvent Event, long Revision)>> CallEventsAsync(string callId, long lastRevision, CancellationToken ct)
    {
        var history = new List<(CallEvent, long)>();
        await foreach (var recorded in events.ReadStreamAsync(CallStream.StreamId(callId), ReadDirection.Forwards, 0, (int)Math.Min(lastRevision + 1, int.MaxValue), ct))
            if (CallTypes.Contains(recorded.Type) && CallStream.Decode(recorded.Type, recorded.Data) is { } e) history.Add((e, recorded.StreamRevision));
        return CallStream.InEventTime(history, e => e.Item1).ToList();
    }

    /// <summary>
    /// Agent state time, in event time (decision 0012): events that arrive in time order are folded as they come; an event
    /// older than the latest one folded for that agent (it arrived late) recounts the agent's time from its stream, folded in
    /// event time up to that event's revision.
    /// </summary>
    async Task ApplyAgentsAsync(IntervalKpiStore kpis, List<(AgentEvent Event, long Revision)> batch, CancellationToken ct)
    {
        var ids = batch.Select(e => e.Event.AgentId).ToHashSet();
        var agents = await kpis.LoadAsync<AgentWork>(IntervalKpiTables.AgentWork, "agent_id", ids, ct);
        var added = new Dictionary<AgentStateKey, long>();
        var late = new Dictionary<string, long>();
        foreach (var (e, revision) in batch)
        {
            if (!agents.TryGetValue(e.AgentId, out var work)) agents[e.AgentId] = work = new AgentWork();
            if (late.ContainsKey(e.AgentId) || work.Agent.IsLate(e)) { late[e.AgentId] = revision; continue; }
            work.Apply(e, e.AgentId, added);
        }
        foreach (var (agentId, revision) in late)
        {
            foreach (var key in added.Keys.Where(k => k.Agent == agentId).ToList()) added.Remove(key);
            await kpis.DeleteAgentStatesAsync(agentId, ct);
            var history = new List<AgentEvent>();
            await foreach (var recorded in events.ReadStreamAsync(AgentStream.StreamId(agentId), ReadDirection.Forwards, 0, (int)Math.Min(revision + 1, int.MaxValue), ct))
                if (!SkippedAgentTypes.Contains(recorded.Type) && AgentStream.Decode(recorded.Type, recorded.Data) is { } e) history.Add(e);
            var work = agents[agentId] = new AgentWork();
            foreach (var e in AgentStream.InEventTime(history, e => e)) work.Apply(e, agentId, added);
        }
        await kpis.AddAgentStatesAsync(added, ct);
        await kpis.SaveAsync(IntervalKpiTables.AgentWork, "agent_id", [.. agents.Select(a => (a.Key, a.Value))], [], ct);
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is true) services.GetService<CallCenter.Supervisor.Wallboard.WallboardSignal>()?.Poke();
        return Task.CompletedTask;
    }
}
