namespace CallCenter.Telephony.Routing;

/// <summary>
/// One ACD queue (= one skill group, R-ACD-2/3): how its calls are routed, its service-level target,
/// how long a caller waits before being offered voicemail (R-ACD-5), its business hours and the agents
/// on duty outside them (time-of-day strategy). <see cref="Strategy"/> is one of <see cref="RoutingStrategies.All"/>.
/// </summary>
public sealed record QueueSettings(string Id, string Name, string Strategy, string? IvrKey, int ServiceLevelSeconds, int MaxWaitSeconds,
    TimeOnly OpensAt, TimeOnly ClosesAt, string[] DutyAgents);

/// <summary>The routing strategies of R-ACD-2 (see docs/routing.md).</summary>
public static class RoutingStrategies
{
    public const string SkillBased = "skill-based";
    public const string LongestIdle = "longest-idle";
    public const string Sequential = "sequential";
    public const string Balanced = "balanced";
    public const string CustomerPriority = "customer-priority";
    public const string LastAgent = "last-agent";
    public const string TimeOfDay = "time-of-day";
    public static readonly string[] All = [SkillBased, LongestIdle, Sequential, Balanced, CustomerPriority, LastAgent, TimeOfDay];
}

/// <summary>A ready agent the PBX could offer the call to. SkillGroups: the active ones, primary first.</summary>
public sealed record AgentCandidate(string AgentId, string? Extension, string[] SkillGroups, DateTimeOffset ReadySince,
    int CallsAnsweredToday, TimeSpan TalkTimeToday);

/// <summary>A caller waiting in a queue. CustomerLevel: normal | silver | gold | vip (null = normal).</summary>
public sealed record WaitingCall(string CallId, string Ani, DateTimeOffset QueuedAt, string? CustomerLevel, string? LastAgentId);
