using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.EventStore;

namespace CallCenter.Audit;

/// <summary>A call-stream event as read from the store, with its decoded form.</summary>
public sealed record CallRecord(RecordedEvent Recorded, CallEvent Event);

/// <summary>
/// The agent's leg of each call of the day (pure), from the call's own stream: answered when the agent answered,
/// dialed or was conferenced in; ended when the agent's leg ended (hang-up, leaving a three-way, transfer) or the
/// call did; hold = the agent's holds; talk = the leg less its holds. The purpose is the agent's tag.
/// </summary>
public static class CallLegs
{
    /// <summary>The calls of the day in the order the agent joined them (and those joined before the day that ended in it).</summary>
    public static List<string> CallIds(IEnumerable<AgentRecord> day) =>
        [.. day.Select(r => r.Event switch { AgentCallStarted s => s.CallId, AgentCallEnded e => e.CallId, _ => null })
            .OfType<string>().Distinct()];

    public static HandledCall Leg(string agentId, string callId, List<CallRecord> events, AgentRecord? started, TimeZoneInfo zone)
    {
        DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? Infrastructure.CenterTime.Local(a, zone) : null;
        var dialed = events.Select(r => r.Event).OfType<CallDialed>().FirstOrDefault();
        var arrived = events.Select(r => r.Event).OfType<CallArrived>().FirstOrDefault();
        var offered = events.Select(r => r.Event).OfType<CallOffered>().FirstOrDefault(o => o.AgentId == agentId);
        var answeredAt = events.Select(r => r.Event switch
        {
            CallAnswered a when a.AgentId == agentId => a.At,
            CallDialed d when d.AgentId == agentId => d.At,
            CallConferenced { TargetAgentId: { } t } c when t == agentId => c.At,
            _ => (DateTimeOffset?)null,
        }).FirstOrDefault(a => a is not null) ?? started?.Event.At ?? events.FirstOrDefault()?.Event.At ?? default;
        var endedAt = events.Select(r => r.Event switch
        {
            CallEnded e when e.At >= answeredAt && (e.AgentId is null || e.AgentId == agentId) => e.At,
            CallPartyLeft { AgentId: { } a } l when a == agentId && l.At >= answeredAt => l.At,
            CallTransferred t when t.AgentId == agentId && t.At >= answeredAt => t.At,
            _ => (DateTimeOffset?)null,
        }).FirstOrDefault(a => a is not null);
        var (holdMs, holds) = Holds(agentId, events, endedAt);
        var tag = events.Select(r => r.Event).OfType<CallTagged>().OrderBy(t => t.AgentId == agentId ? 0 : 1).FirstOrDefault();
        var isInternal = dialed is not null ? CallKinds.IsInternal(dialed.Kind) : offered?.Internal ?? false;
        var legMs = endedAt is { } end ? end.ToUnixTimeMilliseconds() - answeredAt.ToUnixTimeMilliseconds() : 0;
        return new HandledCall(
            callId, dialed?.Kind ?? "inbound", isInternal, arrived?.Ani ?? dialed?.Number ?? dialed?.TargetAgentId,
            events.Select(r => r.Event).OfType<CallQueued>().FirstOrDefault()?.Queue ?? offered?.Queue, Local(offered?.At), Infrastructure.CenterTime.Local(answeredAt, zone),
            Local(endedAt), Math.Max(legMs - holdMs, 0), holdMs, holds, tag?.Purpose, tag?.Subtype,
            events.Select(r => r.Event).OfType<SurveyCompleted>().FirstOrDefault()?.Score,
            [.. events.Select(r => AuditEvent.From(r.Recorded, r.Event.At, zone))]);
    }

    /// <summary>The agent's holds: held to retrieved, a hold still open at the end lasting to the end.</summary>
    static (long Ms, int Count) Holds(string agentId, List<CallRecord> events, DateTimeOffset? endedAt)
    {
        long ms = 0;
        var count = 0;
        DateTimeOffset? heldAt = null;
        foreach (var e in events.Select(r => r.Event))
        {
            if (e is CallHeld h && h.AgentId == agentId && heldAt is null) { heldAt = h.At; count++; }
            if (e is CallRetrieved r && r.AgentId == agentId && heldAt is { } from) { ms += Ms(from, r.At); heldAt = null; }
        }
        if (heldAt is { } open && endedAt is { } end) ms += Ms(open, end);
        return (ms, count);
    }

    static long Ms(DateTimeOffset from, DateTimeOffset to) => Math.Max(to.ToUnixTimeMilliseconds() - from.ToUnixTimeMilliseconds(), 0);
}
