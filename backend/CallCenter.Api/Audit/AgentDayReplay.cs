using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Audit;

/// <summary>
/// R-USE-3: replays an agent's center day from the event store itself (never a read model): the agent stream's
/// events of the day, then the streams of the calls the agent was on, in one multi-stream read.
/// </summary>
public sealed class AgentDayReplay(AgentDayReader reader, IEventStore store, UserDirectory users, TimeProvider clock, CenterClock center)
{
    public async Task<AgentDayReport> ReplayAsync(string agentId, DateOnly day, CancellationToken ct)
    {
        var name = await users.NameOfAsync(agentId, ct); // cached; the id itself when there is no such user
        if (name == agentId && await users.FindAsync(agentId, ct) is null) throw new NotFoundException($"No user '{agentId}'.");
        var zone = center.Zone; // one zone for the whole replay, even if it changes meanwhile
        var (from, to) = (CenterTime.StartOf(day, zone), CenterTime.StartOf(day.AddDays(1), zone));
        var read = await reader.ReadAsync(agentId, from, to, ct);

        var callIds = CallLegs.CallIds(read.Day);
        var callEvents = callIds.ToDictionary(id => id, _ => new List<CallRecord>());
        var callEventCount = 0;
        await foreach (var recorded in store.ReadStreamsAsync([.. callIds.Select(CallStream.StreamId)], ct))
        {
            callEventCount++;
            if (CallStream.Decode(recorded.Type, recorded.Data) is { } e && callEvents.TryGetValue(e.CallId, out var list)) list.Add(new(recorded, e));
        }
        var started = read.Day.Where(r => r.Event is AgentCallStarted).GroupBy(r => ((AgentCallStarted)r.Event).CallId).ToDictionary(g => g.Key, g => g.First());
        var calls = callIds.Select(id => CallLegs.Leg(agentId, id, callEvents[id], started.GetValueOrDefault(id), zone)).ToList();

        var now = clock.GetUtcNow();
        var timeline = DayTimeline.Build(read, from, to, now);
        var signIns = read.Day.Where(r => r.Event is AgentSignedIn).Select(r => r.Event.At).ToList();
        var signOuts = read.Day.Where(r => r.Event is AgentSignedOut).Select(r => r.Event.At).ToList();
        return new AgentDayReport(
            agentId, name, day, from, to, now < to,
            signIns.Count > 0 ? CenterTime.Local(signIns[0], zone) : null, signOuts.Count > 0 ? CenterTime.Local(signOuts[^1], zone) : null,
            timeline.Sum(p => p.DurationMs),
            [.. read.Day.Select(r => AuditEvent.From(r.Recorded, r.Event.At, zone))],
            [.. timeline.Select(p => Local(p, zone))], DayTimeline.ByState(timeline), DayTimeline.ByReason(timeline), calls,
            new ReplayRead(read.StartRevision, read.Opening.Count, read.Day.Count, callEventCount));
    }

    static StatePeriod Local(StatePeriod p, TimeZoneInfo zone) => p with
    {
        Start = CenterTime.Local(p.Start, zone), End = CenterTime.Local(p.End, zone), Since = p.Since is { } s ? CenterTime.Local(s, zone) : null,
    };
}
