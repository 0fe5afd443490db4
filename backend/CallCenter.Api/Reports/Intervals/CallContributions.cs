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
                if (w.Closed) m[AnswerWaitMaxMs] = Math.Max(m[AnswerWaitMaxMs], wait);
            }
            else if (w.AbandonedAt is { } abandoned)
            {
                var wait = Buckets.Ms(queued, abandoned);
                m[Abandoned] += sign;
                m[AbandonWaitMs] += sign * wait;
                if (wait < ShortAbandonMs) m[AbandonedShort] += sign;
                if (wait > slMs) m[AbandonedAfterSl] += sign;
                if (w.Closed) m[AbandonWaitMaxMs] = Math.Max(m[AbandonWaitMaxMs], wait);
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

    static long[] Row(Dictionary<IntervalKey, long[]> rows, IntervalKey key)
    {
        if (!rows.TryGetValue(key, out var m)) rows[key] = m = new long[Columns.Length];
        return m;
    }
}
