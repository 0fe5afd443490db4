namespace CallCenter.Reports.Intervals;

/// <summary>
/// The additive columns of <c>kpi_intervals</c>, in order. Times are whole milliseconds (integers, so sums do not depend on
/// the order they are added in). The two maxima are written once, when the call is closed, and combined with greatest().
/// </summary>
public static class Measures
{
    public const int Arrived = 0, Offered = 1, Answered = 2, AnsweredInSl = 3, AnswerWaitMs = 4, AnswerWaitMaxMs = 5,
        Abandoned = 6, AbandonedShort = 7, AbandonedAfterSl = 8, AbandonWaitMs = 9, AbandonWaitMaxMs = 10,
        Handled = 11, TalkMs = 12, HoldMs = 13, AcwMs = 14;

    public static readonly string[] Columns =
    [
        "arrived", "offered", "answered", "answered_in_sl", "answer_wait_ms", "answer_wait_max_ms",
        "abandoned", "abandoned_short", "abandoned_after_sl", "abandon_wait_ms", "abandon_wait_max_ms",
        "handled", "talk_ms", "hold_ms", "acw_ms",
    ];

    public static bool IsMax(int i) => i is AnswerWaitMaxMs or AbandonWaitMaxMs;

    /// <summary>Abandons shorter than this are "short" (left out of the abandonment rate).</summary>
    public const long ShortAbandonMs = 5_000;

    public const int DefaultServiceLevelSeconds = 20;
}

/// <summary>One row's key: bucket start (UTC), skill group (queue), agent, area, dialed number; "" when not known.</summary>
public readonly record struct IntervalKey(DateTimeOffset Bucket, string SkillGroup, string Agent, string Area, string Dnis);

/// <summary>One row of <c>kpi_agent_states</c>: an agent's time in a state (and not-ready reason) in a bucket; skill group "" is the agent's own total.</summary>
public readonly record struct AgentStateKey(DateTimeOffset Bucket, string Agent, string SkillGroup, string State, string Reason);
