namespace CallCenter.Audit;

/// <summary>
/// An agent's center day replayed from the event store (R-USE-3). Events: the agent stream's events of the day, in
/// stream order. Timeline: one period per state while signed in, clipped to [From, To) (and to now while the day
/// runs). Totals per state and per not-ready reason. Calls: those the agent was on, from their own streams.
/// </summary>
public sealed record AgentDayReport(
    string AgentId, string AgentName, DateOnly Day, DateTimeOffset From, DateTimeOffset To, bool InProgress,
    DateTimeOffset? FirstSignedInAt, DateTimeOffset? LastSignedOutAt, long SignedInMs,
    List<AuditEvent> Events, List<StatePeriod> Timeline, List<StateTotal> Totals, List<StateTotal> NotReadyReasons,
    List<HandledCall> Calls, ReplayRead Read);

/// <summary>
/// A state from Start to End. ClippedStart: it began before the day (at Since); ClippedEnd: it goes on past End
/// (the day's end, or now). CallIds: the calls of a talking period.
/// </summary>
public sealed record StatePeriod(
    string State, string? ReasonCode, DateTimeOffset Start, DateTimeOffset End, long DurationMs,
    bool ClippedStart, bool ClippedEnd, DateTimeOffset? Since, List<string> CallIds);

public sealed record StateTotal(string State, string? ReasonCode, long DurationMs, int Periods);

/// <summary>A call the agent was on: the agent's leg of it. Direction: inbound, or the dialed kind (outbound, internal, consult, help).</summary>
public sealed record HandledCall(
    string CallId, string Direction, bool Internal, string? Caller, string? Queue, DateTimeOffset? OfferedAt, DateTimeOffset AnsweredAt,
    DateTimeOffset? EndedAt, long TalkMs, long HoldMs, int Holds, string? Purpose, string? Subtype, int? SurveyScore, List<AuditEvent> Events);

/// <summary>What the replay read: from which agent-stream revision, and how many events of each kind.</summary>
public sealed record ReplayRead(long StartRevision, int OpeningEvents, int DayEvents, int CallEvents);
