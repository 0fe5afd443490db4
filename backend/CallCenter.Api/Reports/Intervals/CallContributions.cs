using static CallCenter.Reports.Intervals.Measures;

namespace CallCenter.Reports.Intervals;

/// <summary>
/// What a call adds to <c>kpi_intervals</c>, as a pure function of its working state: the queue figures under the row of
/// the agent who answered it first, each agent's handled/talk/hold/ACW under that agent's row; one bucket, skill group,
/// area and dialed number for all of them. A batch writes the difference between a call's contributions after and before
/// it, so a call that moves (queued in the next bucket, tagged with an area) moves its figures, and the rows depend only on
/// the events applied, not on how they were batched.
/// </summary>
public static class CallContributions
{
    public static void Add(CallWork w, int sign, Dictionary<IntervalKey, long[]> into)
    {
        if (!w.Inbound || w.ArrivedAt is not { } arrived) return;
        var bucket = Buckets.StartOf(w.QueuedAt ?? arrived);
        var key = new IntervalKey(bucket, w.Queue ?? "", w.FirstAgent ?? "", w.Area ?? "", w.Dnis ?? "");
        var m = Row(into, key);
        m[Arrived] += sign;
        if (w.QueuedAt is { } queued)
        {
            var slMs = w.SlSeconds * 1000L;
            m[Offered] += sign;
            if (w.AnsweredAt is { } answered)
            {
                var wait = Buckets.Ms(queued, answered);
                m[Answered] += sign;
                m[AnswerWaitMs] += sign * wait;
                if (wait <= slMs) m[AnsweredInSl] += sign;
            }
            else if (w.AbandonedAt is { } abandoned)
            {
                var wait = Buckets.Ms(queued, abandoned);
                m[Abandoned] += sign;
                m[AbandonWaitMs] += sign * wait;
                if (wait < w.ShortAbandonMs) m[AbandonedShort] += sign;
                if (wait > slMs) m[AbandonedAfterSl] += sign;
            }
        }
        foreach (var (agent, leg) in w.Legs)
        {
            var a = Row(into, key with { Agent = agent });
            if (leg.Answered) a[Handled] += sign;
            a[TalkMs] += sign * leg.TalkMs;
            a[HoldMs] += sign * leg.HoldMs;
            a[AcwMs] += sign * leg.AcwMs;
        }
    }

    /// <summary>
    /// The call's row in <c>kpi_calls</c> (null when it is not an inbound call): its key as in <c>kpi_intervals</c> (the agent is
    /// who answered first), its queue wait if answered or abandoned, its wait to answer from the queue entry or (not queued)
    /// from its arrival, and its talk (all agents, holds excluded). Maxima and percentiles are read from these rows.
    /// </summary>
    public static CallFact? Fact(string callId, CallWork w)
    {
        if (!w.Inbound || w.ArrivedAt is not { } arrived) return null;
        long? answerWait = w.QueuedAt is { } q && w.AnsweredAt is { } a ? Buckets.Ms(q, a) : null;
        long? abandonWait = w.QueuedAt is { } q2 && w.AnsweredAt is null && w.AbandonedAt is { } ab ? Buckets.Ms(q2, ab) : null;
        long? answerWaitAll = w.AnsweredAt is { } a2 ? Buckets.Ms(w.QueuedAt ?? arrived, a2) : null;
        return new(callId, Buckets.StartOf(w.QueuedAt ?? arrived), w.Queue ?? "", w.FirstAgent ?? "", w.Area ?? "", w.Dnis ?? "",
            w.QueuedAt is not null, answerWait, abandonWait, answerWaitAll, w.AnsweredAt is null ? null : w.Legs.Values.Sum(l => l.TalkMs));
    }

    static long[] Row(Dictionary<IntervalKey, long[]> rows, IntervalKey key)
    {
        if (!rows.TryGetValue(key, out var m)) rows[key] = m = new long[Columns.Length];
        return m;
    }
}
