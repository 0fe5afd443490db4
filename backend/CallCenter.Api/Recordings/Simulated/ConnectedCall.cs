using CallCenter.Calls;

namespace CallCenter.Recordings.Simulated;

/// <summary>
/// What a recorder needs to know about an ended call, folded from its events (pure, any arrival order): the direction,
/// the queue, the agent who took it and when the customer and the agent were connected. Only customer calls
/// (inbound, or outbound to an external number) are recorded; internal, consult and help calls are not.
/// </summary>
public sealed record ConnectedCall(string CallId, string Direction, string? Queue, string AgentId, DateTimeOffset ConnectedAt, DateTimeOffset EndedAt)
{
    public const string Inbound = "inbound", Outbound = "outbound", Internal = "internal";

    /// <summary>The talk time in whole seconds (at least 1: a connected call has a recording).</summary>
    public int TalkSeconds => Math.Max(1, (int)Math.Round((EndedAt - ConnectedAt).TotalSeconds, MidpointRounding.AwayFromZero));

    public static ConnectedCall? From(string callId, IEnumerable<CallEvent> events)
    {
        string? direction = null, queue = null, agent = null;
        DateTimeOffset? connected = null, ended = null, queuedAt = null;
        foreach (var e in events.OrderBy(e => e.At))
            switch (e)
            {
                case CallArrived: direction = Inbound; break;
                case CallDialed d:
                    direction = d.Kind == CallKinds.Outbound ? Outbound : Internal;
                    if (d.Kind == CallKinds.Outbound) (agent, connected) = (d.AgentId, d.At);
                    break;
                case CallQueued q when queuedAt is null || q.At >= queuedAt: (queue, queuedAt) = (q.Queue, q.At); break;
                case CallOffered { Queue: { } oq } o when queuedAt is null || o.At >= queuedAt: (queue, queuedAt) = (oq, o.At); break;
                case CallAnswered { Internal: false } a when connected is null: (agent, connected) = (a.AgentId, a.At); break;
                case CallEnded x when ended is null || x.At > ended: ended = x.At; break;
            }
        return direction is Inbound or Outbound && agent is not null && connected is { } c && ended is { } end && end >= c
            ? new ConnectedCall(callId, direction, queue, agent, c, end)
            : null;
    }
}
