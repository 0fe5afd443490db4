namespace CallCenter.Reports.Intervals;

/// <summary>
/// The additive columns of <c>kpi_intervals</c>, in order. Times are whole milliseconds (integers, so sums do not depend on
/// the order they are added in). Maxima and percentiles are not additive: they come from <c>kpi_calls</c> (one row per call).
/// </summary>
public static class Measures
{
    public const int Arrived = 0, Offered = 1, Answered = 2, AnsweredInSl = 3, AnswerWaitMs = 4,
        Abandoned = 5, AbandonedShort = 6, AbandonedAfterSl = 7, AbandonWaitMs = 8,
        Handled = 9, TalkMs = 10, HoldMs = 11, AcwMs = 12;

    public static readonly string[] Columns =
    [
        "arrived", "offered", "answered", "answered_in_sl", "answer_wait_ms",
        "abandoned", "abandoned_short", "abandoned_after_sl", "abandon_wait_ms",
        "handled", "talk_ms", "hold_ms", "acw_ms",
    ];

    /// <summary>Abandons shorter than this are "short" (left out of the abandonment rate) unless the settings history says otherwise.</summary>
    public const long ShortAbandonMs = Settings.CenterSettingsHistory.DefaultShortAbandonSeconds * 1000L;

    public const int DefaultServiceLevelSeconds = Settings.CenterSettingsHistory.DefaultServiceLevelSeconds;
}

/// <summary>One row's key: bucket start (UTC), skill group (queue), agent, area, dialed number; "" when not known.</summary>
public readonly record struct IntervalKey(DateTimeOffset Bucket, string SkillGroup, string Agent, string Area, string Dnis);

/// <summary>One row of <c>kpi_agent_states</c>: an agent's time in a state (and not-ready reason) in a bucket; skill group "" is the agent's own total.</summary>
public readonly record struct AgentStateKey(DateTimeOffset Bucket, string Agent, string SkillGroup, string State, string Reason);

/// <summary>
/// One inbound call's row of <c>kpi_calls</c>: the key of its figures, its queue wait (answered or abandoned), its wait to answer
/// counting unqueued calls from arrival, and its talk (null when nobody answered). Milliseconds.
/// </summary>
public sealed record CallFact(string CallId, DateTimeOffset Bucket, string SkillGroup, string Agent, string Area, string Dnis, bool Queued,
    long? AnswerWaitMs, long? AbandonWaitMs, long? AnswerWaitAllMs, long? TalkMs);
