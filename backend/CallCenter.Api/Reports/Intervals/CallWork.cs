using CallCenter.Calls;

namespace CallCenter.Reports.Intervals;

/// <summary>One agent's part of a call: on it since, held since, talk and hold so far, when it last left, after-call work.</summary>
public sealed class CallLeg
{
    public bool Answered { get; set; }
    public DateTimeOffset? OnSince { get; set; }
    public DateTimeOffset? HeldSince { get; set; }
    public long TalkMs { get; set; }
    public long HoldMs { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public long AcwMs { get; set; }
}

/// <summary>
/// The working state of an open call (table <c>kpi_call_work</c>): only what its KPI contributions need. Folded from the
/// call's own stream in stream order; every duration comes from event times. See docs/kpis.md "Interval KPIs".
/// </summary>
public sealed class CallWork
{
    public bool Inbound { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public string? Dnis { get; set; }
    public string? Queue { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public int SlSeconds { get; set; }
    /// <summary>The short-abandon threshold in effect when the call entered its queue (the settings history, decision 0008).</summary>
    public long ShortAbandonMs { get; set; } = Measures.ShortAbandonMs;
    /// <summary>The earliest event time folded (the rule that closes a call that never gets its end counts from it).</summary>
    public DateTimeOffset? FirstAt { get; set; }
    /// <summary>The latest event time folded: an event before it (see <see cref="IsBefore"/>) arrived late.</summary>
    public DateTimeOffset? LastAt { get; set; }
    /// <summary>The highest <see cref="CallStream.TieRank"/> folded at <see cref="LastAt"/>.</summary>
    public int LastRank { get; set; }
    public string? FirstAgent { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? AbandonedAt { get; set; }
    public string? Area { get; set; }
    public bool Tagged { get; set; }
    public bool Ended { get; set; }
    public Dictionary<string, CallLeg> Legs { get; set; } = [];

    /// <summary>
    /// Its contributions are final and its working state can go: abandoned (closed at <c>CallAbandoned</c>; a <c>CallEnded</c>
    /// after it is allowed, not required), or ended and (when an agent answered it) tagged. A call that never arrived inbound
    /// (outbound, internal, consult) counts nowhere, so it goes at its end, or at a tag after its end. A call that gets
    /// neither is closed by <see cref="MaxIdle"/> (see <see cref="IntervalKpiProjection"/>).
    /// </summary>
    public bool Closed => Inbound ? (AbandonedAt is not null && FirstAgent is null) || (Ended && (FirstAgent is null || Tagged)) : Ended || Tagged;

    /// <summary>
    /// A call's events more than this after its first event are not part of it (a call that never gets its end is closed as it
    /// stands 24 hours after it began). The projection also forgets the working state of a call whose latest event is this far
    /// behind the latest call event time it has seen; a later event for it refolds the call from its stream (same result).
    /// Event time only, never the wall clock.
    /// </summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromHours(24);

    /// <summary>True when <paramref name="e"/> belongs before what is already folded, in event-time order (it arrived late).</summary>
    public bool IsBefore(CallEvent e) => LastAt is { } last && (e.At < last || e.At == last && CallStream.TieRank(e) < LastRank);

    /// <summary>
    /// Folds a call's events, given in event-time order (<see cref="CallStream.InEventTime{T}"/>), on top of this state. Once the
    /// call is closed, or an event is more than <see cref="MaxIdle"/> after the call's first event, the rest change nothing: the
    /// result depends only on the set of events, never on the order or batching in which they were stored.
    /// </summary>
    public void Fold(IEnumerable<CallEvent> inEventTime, Func<string, DateTimeOffset, int> slSecondsOf, Func<DateTimeOffset, long> shortAbandonMsAt)
    {
        foreach (var e in inEventTime)
        {
            if (Closed || FirstAt is { } first && e.At - first > MaxIdle) continue;
            FirstAt ??= e.At;
            LastRank = LastAt == e.At ? Math.Max(LastRank, CallStream.TieRank(e)) : CallStream.TieRank(e);
            Apply(e, slSecondsOf, shortAbandonMsAt);
        }
    }

    /// <summary>Folds one event with the default short-abandon threshold; <paramref name="slSecondsOf"/> gives a queue's service-level threshold.</summary>
    public void Apply(CallEvent e, Func<string, int> slSecondsOf) => Apply(e, (q, _) => slSecondsOf(q), _ => Measures.ShortAbandonMs);

    /// <summary>
    /// Folds one event. When the call enters its queue, <paramref name="slSecondsOf"/> (queue, time) and
    /// <paramref name="shortAbandonMsAt"/> (time) give the thresholds in effect then; the call keeps them.
    /// </summary>
    public void Apply(CallEvent e, Func<string, DateTimeOffset, int> slSecondsOf, Func<DateTimeOffset, long> shortAbandonMsAt)
    {
        if (LastAt is null || e.At > LastAt) LastAt = e.At;
        switch (e)
        {
            case CallArrived x: Inbound = true; ArrivedAt = x.At; Dnis = x.Dnis; break;
            case CallQueued x: EnterQueue(x.Queue, x.At, slSecondsOf, shortAbandonMsAt); break;
            case CallOffered { Internal: false, Queue: { } q } x: EnterQueue(q, x.At, slSecondsOf, shortAbandonMsAt); break;
            case CallAnswered { Internal: false } x: Answer(x.AgentId, x.At); break;
            case CallConferenced { TargetAgentId: { } t } x: Join(t, x.At); break;
            case CallHeld x when Leg(x.AgentId) is { OnSince: { } since, HeldSince: null } leg:
                leg.TalkMs += Buckets.Ms(since, x.At); leg.HeldSince = x.At; break;
            case CallRetrieved x when Leg(x.AgentId) is { HeldSince: { } held } leg:
                leg.HoldMs += Buckets.Ms(held, x.At); leg.HeldSince = null; leg.OnSince = x.At; break;
            case CallTransferred x: Leave(x.AgentId, x.At); break;
            case CallPartyLeft { AgentId: { } agent } x: Leave(agent, x.At); break;
            case CallAbandoned x when FirstAgent is null && AbandonedAt is null: AbandonedAt = x.At; break;
            case CallEnded x: foreach (var agent in Legs.Keys) Leave(agent, x.At); Ended = true; break;
            case CallRejected: Ended = true; break;
            case CallTagged x: Tag(x); break;
        }
    }

    void EnterQueue(string queue, DateTimeOffset at, Func<string, DateTimeOffset, int> slSecondsOf, Func<DateTimeOffset, long> shortAbandonMsAt)
    {
        if (Queue is not null) return; // a call counts once, in the first queue it entered
        Queue = queue;
        QueuedAt = at;
        SlSeconds = slSecondsOf(queue, at);
        ShortAbandonMs = shortAbandonMsAt(at);
    }

    void Answer(string agent, DateTimeOffset at)
    {
        if (FirstAgent is null && AbandonedAt is null) { FirstAgent = agent; AnsweredAt = at; }
        Join(agent, at).Answered = true;
    }

    CallLeg Join(string agent, DateTimeOffset at)
    {
        if (!Legs.TryGetValue(agent, out var leg)) Legs[agent] = leg = new CallLeg();
        if (leg.OnSince is null) { leg.OnSince = at; leg.HeldSince = null; }
        return leg;
    }

    void Leave(string agent, DateTimeOffset at)
    {
        if (Leg(agent) is not { OnSince: { } since } leg) return;
        if (leg.HeldSince is { } held) leg.HoldMs += Buckets.Ms(held, at);
        else leg.TalkMs += Buckets.Ms(since, at);
        leg.OnSince = null;
        leg.HeldSince = null;
        leg.LeftAt = at;
    }

    /// <summary>The tag's area is the call's area; the tagging agent's after-call work runs from leaving the call to the tag.</summary>
    void Tag(CallTagged x)
    {
        Area = x.Area;
        Tagged = true;
        if (Leg(x.AgentId) is { OnSince: null, LeftAt: { } left } leg) leg.AcwMs = Buckets.Ms(left, x.At);
    }

    CallLeg? Leg(string agent) => Legs.GetValueOrDefault(agent);
}
