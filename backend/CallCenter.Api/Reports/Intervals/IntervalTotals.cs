namespace CallCenter.Reports.Intervals;

/// <summary>
/// The sums of one report key over a range: the call columns of kpi_intervals and, when they apply to the grouping and
/// filters (not by area or dialed number), the agents' state times. The KPI formulas of docs/kpis.md are here, once.
/// </summary>
public sealed record IntervalTotals(string Key, long[] M, long ReadyMs, long NotReadyMs, long TalkingMs, long WrapUpMs, bool HasStates,
    CallStats Calls)
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

    /// <summary>Answered within the threshold / (answered + abandoned after the threshold): the default formula.</summary>
    public double? ServiceLevel => ServiceLevelBy(SlFormulas.AbandonedAfterT);

    /// <summary>Service level by one of <see cref="SlFormulas"/> (docs/kpis.md).</summary>
    public double? ServiceLevelBy(string formula) => formula switch
    {
        SlFormulas.Answered => Share(AnsweredInSl, Answered),
        SlFormulas.AnsweredAndAbandoned => Share(AnsweredInSl, Answered + Abandoned),
        SlFormulas.AbandonedAfterShort => Share(AnsweredInSl, Answered + Abandoned - AbandonedShort),
        _ => Share(AnsweredInSl, Answered + this[Measures.AbandonedAfterSl]),
    };
    /// <summary>ASA over every answered call: unqueued calls wait from their arrival.</summary>
    public double? AsaAllSeconds => Average(Calls.AnswerWaitAllMs, Calls.AnsweredAll);
    /// <summary>(Abandoned − short abandons) / (offered − short abandons).</summary>
    public double? AbandonRate => Share(Abandoned - AbandonedShort, Offered - AbandonedShort);
    public double? AsaSeconds => Average(this[Measures.AnswerWaitMs], Answered);
    public double? AhtSeconds => Average(this[Measures.TalkMs] + this[Measures.HoldMs] + this[Measures.AcwMs], Handled);
    /// <summary>(Talking + wrap-up) / (ready + talking + wrap-up), i.e. busy time over signed-in time less not-ready time.</summary>
    public double? Occupancy => HasStates ? Share(TalkingMs + WrapUpMs, ReadyMs + TalkingMs + WrapUpMs) : null;
    public double? AvgWaitSeconds => Average(this[Measures.AnswerWaitMs] + this[Measures.AbandonWaitMs], Answered + Abandoned);
    public double MaxWaitSeconds => Seconds(Math.Max(Calls.MaxAnswerWaitMs, Calls.MaxAbandonWaitMs));
    public double MaxAnswerWaitSeconds => Seconds(Calls.MaxAnswerWaitMs);
    public double? AvgAbandonWaitSeconds => Average(this[Measures.AbandonWaitMs], Abandoned);
    public double MaxAbandonWaitSeconds => Seconds(Calls.MaxAbandonWaitMs);
    public double? MedianWaitSeconds => Seconds(Calls.MedianWaitMs);
    public double? P90WaitSeconds => Seconds(Calls.P90WaitMs);
    public double? MedianTalkSeconds => Seconds(Calls.MedianTalkMs);
    public double? P90TalkSeconds => Seconds(Calls.P90TalkMs);
    public double TalkSeconds => Seconds(this[Measures.TalkMs]);
    public double HoldSeconds => Seconds(this[Measures.HoldMs]);
    public double AcwSeconds => Seconds(this[Measures.AcwMs]);

    /// <summary>numerator / denominator, 4 places; null when the denominator is 0.</summary>
    public static double? Share(long numerator, long denominator) => denominator <= 0 ? null : Math.Round((double)numerator / denominator, 4);
    /// <summary>Milliseconds per item in seconds, 1 place; null when there are no items.</summary>
    public static double? Average(long ms, long count) => count <= 0 ? null : Math.Round(ms / 1000.0 / count, 1);
    public static double Seconds(long ms) => Math.Round(ms / 1000.0, 1);
    public static double? Seconds(double? ms) => ms is { } v ? Math.Round(v / 1000.0, 1) : null;
}

/// <summary>
/// What kpi_calls gives a report key (one row per inbound call): the longest answer and abandon waits, the waits to answer of
/// every answered call (unqueued ones from arrival), and the median and 90th percentile (continuous, interpolated) of the
/// queue wait of answered and abandoned calls and of the talk of answered calls. Milliseconds.
/// </summary>
public sealed record CallStats(long MaxAnswerWaitMs, long MaxAbandonWaitMs, long AnswerWaitAllMs, long AnsweredAll,
    double? MedianWaitMs, double? P90WaitMs, double? MedianTalkMs, double? P90TalkMs)
{
    public static readonly CallStats None = new(0, 0, 0, 0, null, null, null, null);
}

/// <summary>The service-level formulas a report request may choose (<c>slFormula</c>); the first is the default.</summary>
public static class SlFormulas
{
    /// <summary>answered within T / (answered + abandoned after T).</summary>
    public const string AbandonedAfterT = "abandonedAfterT";
    /// <summary>answered within T / answered.</summary>
    public const string Answered = "answered";
    /// <summary>answered within T / (answered + abandoned).</summary>
    public const string AnsweredAndAbandoned = "answeredAndAbandoned";
    /// <summary>answered within T / (answered + abandoned after the short-abandon threshold).</summary>
    public const string AbandonedAfterShort = "abandonedAfterShort";
    public static readonly string[] All = [AbandonedAfterT, Answered, AnsweredAndAbandoned, AbandonedAfterShort];

    public static string Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return AbandonedAfterT;
        return All.FirstOrDefault(f => string.Equals(f, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("slFormula", $"slFormula must be one of {string.Join(", ", All)}.")]);
    }
}
