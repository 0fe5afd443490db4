namespace CallCenter.Supervisor.Wallboard;

/// <summary>One queue on the wallboard (R-SUP-7): live now, and today's figures from the interval-KPI read model.</summary>
public sealed record WallboardQueue(string Queue, int Waiting, int LongestWaitSeconds, int InProgress,
    long OfferedToday, long AnsweredToday, long AbandonedToday, double? ServiceLevelToday);

/// <summary>One agent: state, reason and time in state (seconds, by the server's clock at <see cref="Wallboard.AsOf"/>).</summary>
public sealed record WallboardAgent(string AgentId, string Name, string? TeamId, string State, string? ReasonCode, int? SinceSeconds);

/// <summary>One team: how many of its agents are in each state.</summary>
public sealed record WallboardTeam(string TeamId, string Name, IReadOnlyDictionary<string, int> ByState);

/// <summary>
/// GET /api/wallboard. <c>Day</c> is today in the center's time zone; the today figures are those of
/// GET /api/reports/service-level?from=Day&amp;to=Day&amp;groupBy=skillGroup.
/// </summary>
public sealed record Wallboard(DateTimeOffset AsOf, string Day, IReadOnlyList<WallboardQueue> Queues, IReadOnlyList<WallboardAgent> Agents,
    IReadOnlyList<WallboardTeam> Teams);
