namespace CallCenter.Reports.Intervals;

/// <summary>
/// The sums of one report key over a range: the call columns of kpi_intervals and, when they apply to the grouping and
/// filters (not by area or dialed number), the agents' state times. The KPI formulas of docs/kpis.md are here, once.
/// </summary>
public sealed record IntervalTotals(string Key, long[] M, long ReadyMs, long NotReadyMs, long TalkingMs, long WrapUpMs, bool HasStates)
{
    long this[int i] => M[i];
    public long Arrived => this[Measures.Arrived];
    public long Offered => this[Measures.Offered];
    public long Answered => this[Measures.Answered];
    public long AnsweredInSl => this[Measures.AnsweredInSl];
    public long Abandoned => this[Measures.Abandoned];
    public long AbandonedShort => this[Measures.AbandonedShort];
    public long Handled => this[Measures.Handled];
    public long SignedInMs => ReadyMs + NotReadyMs + TalkingMs + WrapUpMs;

    /// <summary>Answered within the threshold / (answered + abandoned after the threshold).</summary>
    public double? ServiceLevel => Share(AnsweredInSl, Answered + this[Measures.AbandonedAfterSl]);
    /// <summary>(Abandoned − short abandons) / (offered − short abandons).</summary>
    public double? AbandonRate => Share(Abandoned - AbandonedShort, Offered - AbandonedShort);
    public double? AsaSeconds => Average(this[Measures.AnswerWaitMs], Answered);
    public double? AhtSeconds => Average(this[Measures.TalkMs] + this[Measures.HoldMs] + this[Measures.AcwMs], Handled);
    /// <summary>(Talking + wrap-up) / (ready + talking + wrap-up), i.e. busy time over signed-in time less not-ready time.</summary>
    public double? Occupancy => HasStates ? Share(TalkingMs + WrapUpMs, ReadyMs + TalkingMs + WrapUpMs) : null;
    public double? AvgWaitSeconds => Average(this[Measures.AnswerWaitMs] + this[Measures.AbandonWaitMs], Answered + Abandoned);
    public double MaxWaitSeconds => Seconds(Math.Max(this[Measures.AnswerWaitMaxMs], this[Measures.AbandonWaitMaxMs]));
    public double MaxAnswerWaitSeconds => Seconds(this[Measures.AnswerWaitMaxMs]);
    public double? AvgAbandonWaitSeconds => Average(this[Measures.AbandonWaitMs], Abandoned);
    public double MaxAbandonWaitSeconds => Seconds(this[Measures.AbandonWaitMaxMs]);
    public double TalkSeconds => Seconds(this[Measures.TalkMs]);
    public double HoldSeconds => Seconds(this[Measures.HoldMs]);
    public double AcwSeconds => Seconds(this[Measures.AcwMs]);

    /// <summary>numerator / denominator, 4 places; null when the denominator is 0.</summary>
    public static double? Share(long numerator, long denominator) => denominator <= 0 ? null : Math.Round((double)numerator / denominator, 4);
    /// <summary>Milliseconds per item in seconds, 1 place; null when there are no items.</summary>
    public static double? Average(long ms, long count) => count <= 0 ? null : Math.Round(ms / 1000.0 / count, 1);
    public static double Seconds(long ms) => Math.Round(ms / 1000.0, 1);
}
