using System.Text.Json;
using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Npgsql;

namespace CallCenter.Audit;

public sealed record AuditedEvent(ulong Position, long Revision, DateTimeOffset At, string Type, JsonElement Data, string? Actor, string? Source,
    DateTimeOffset RecordedAt);

public sealed record HandledCall(string CallId, bool Internal, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, double? Seconds,
    string? Ani, string? Dnis, string? Queue, double HoldSeconds, string? Purpose, string? Subtype);

public sealed record AgentDay(string AgentId, DateOnly Date, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AuditedEvent> Events,
    IReadOnlyList<StateSpan> Timeline, IReadOnlyList<StateTotal> Totals, double SignedInSeconds, IReadOnlyList<HandledCall> Calls,
    double ReplayMilliseconds);

/// <summary>
/// R-USE-3: an agent's day replayed from the event store itself — the agent stream's events of that day in order with
/// who caused each, the states they lead through, and the calls handled (read from each call's own stream).
/// </summary>
public sealed class AgentDayReplay(IEventStore store, TimeProvider clock)
{
    public async Task<AgentDay> ReplayAsync(NpgsqlConnection connection, string agentId, DateOnly date, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var (from, to) = (CenterTime.StartOf(date), CenterTime.StartOf(date.AddDays(1)));
        var range = (await Sql.QueryAsync(connection, "select first_revision, last_revision from agent_days where agent_id = $1 and day = $2",
            r => (First: r.GetInt64(0), Last: r.GetInt64(1)), ct, agentId, date)).FirstOrDefault();
        var recorded = new List<RecordedEvent>();
        var before = AgentStream.Initial;
        if (range != default)
        {
            if (range.First > 0) before = await StateBeforeAsync(agentId, range.First, ct);
            await foreach (var e in store.ReadStreamAsync(AgentStream.StreamId(agentId), ReadDirection.Forwards, range.First,
                               (int)(range.Last - range.First + 1), ct)) recorded.Add(e);
        }
        var decoded = recorded.Select(r => (Recorded: r, Event: AgentStream.Decode(r.Type, r.Data))).Where(x => x.Event is not null).ToList();
        var timeline = AgentDayTimeline.Derive(before, decoded.Select(x => x.Event!), from, Min(to, clock.GetUtcNow()));
        var calls = await CallsAsync(decoded.Select(x => x.Event!).ToList(), agentId, ct);
        var events = decoded.Select(x => Audited(x.Recorded, x.Event!.At)).ToList();
        return new AgentDay(agentId, date, from, to, events, timeline, AgentDayTimeline.Totals(timeline), timeline.Sum(s => s.Seconds), calls,
            clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The state the agent was in when the day began: the stream folded up to the day's first event (snapshot: the fold of the stored state).</summary>
    async Task<Agent> StateBeforeAsync(string agentId, long firstOfDay, CancellationToken ct)
    {
        var state = AgentStream.Initial;
        await foreach (var e in store.ReadStreamAsync(AgentStream.StreamId(agentId), ReadDirection.Forwards, 0, (int)firstOfDay, ct))
            if (AgentStream.Decode(e.Type, e.Data) is { } decoded) state = AgentStream.Evolve(state, decoded);
        return state;
    }

    async Task<List<HandledCall>> CallsAsync(List<AgentEvent> day, string agentId, CancellationToken ct)
    {
        var started = day.OfType<AgentCallStarted>().GroupBy(c => c.CallId).Select(g => g.First()).ToList();
        var ended = day.OfType<AgentCallEnded>().GroupBy(c => c.CallId).ToDictionary(g => g.Key, g => g.Last().At);
        var byCall = new Dictionary<string, List<CallEvent>>();
        await foreach (var e in store.ReadStreamsAsync([.. started.Select(c => CallStream.StreamId(c.CallId))], ct))
            if (CallStream.Decode(e.Type, e.Data) is { } call)
                (byCall.TryGetValue(call.CallId, out var list) ? list : byCall[call.CallId] = []).Add(call);
        return started.Select(s => Call(s, ended.TryGetValue(s.CallId, out var at) ? at : null, byCall.GetValueOrDefault(s.CallId) ?? [], agentId)).ToList();
    }

    static HandledCall Call(AgentCallStarted start, DateTimeOffset? end, List<CallEvent> events, string agentId)
    {
        string? ani = null, dnis = null, queue = null, purpose = null, subtype = null;
        double hold = 0;
        DateTimeOffset? heldAt = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case CallArrived x: (ani, dnis) = (x.Ani, x.Dnis); break;
                case CallQueued x: queue = x.Queue; break;
                case CallHeld x when x.AgentId == agentId: heldAt = x.At; break;
                case CallRetrieved x when x.AgentId == agentId && heldAt is { } h: hold += (x.At - h).TotalSeconds; heldAt = null; break;
                case CallTagged x: (purpose, subtype) = (x.Purpose, x.Subtype); break;
            }
        }
        return new HandledCall(start.CallId, start.Internal, start.At, end, end is { } e2 ? (e2 - start.At).TotalSeconds : null,
            ani, dnis, queue, hold, purpose, subtype);
    }

    static AuditedEvent Audited(RecordedEvent r, DateTimeOffset at)
    {
        var metadata = EventMetadata.FromJson(r.Metadata);
        return new AuditedEvent(r.Position, r.StreamRevision, at, r.Type, JsonDocument.Parse(r.Data).RootElement.Clone(), metadata?.Actor, metadata?.Source, r.Created);
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
