namespace CallCenter.Telephony.Routing;

/// <summary>
/// One ACD queue (= one skill group, R-ACD-2/3): how its calls are routed, its service-level target,
/// how long a caller waits before being offered voicemail (R-ACD-5), its business hours and the agents
/// on duty outside them (time-of-day strategy). <see cref="Strategy"/> is one of <see cref="RoutingStrategies.All"/>.
/// </summary>
public sealed record QueueSettings(string Id, string Name, string Strategy, string? IvrKey, int ServiceLevelSeconds, int MaxWaitSeconds,
    TimeOnly OpensAt, TimeOnly ClosesAt, string[] DutyAgents)
{
    /// <summary>The skill group whose agents serve the queue (default: the queue's id).</summary>
    public string? SkillGroup { get; init; }
    /// <summary>The business-hours calendar; when set it decides open or closed for every strategy.</summary>
    public string? CalendarId { get; init; }
    /// <summary>Outside the calendar's hours: <see cref="AfterHoursRules"/>.</summary>
    public string AfterHours { get; init; } = AfterHoursRules.DutyAgents;
    public string? OverflowQueue { get; init; }
    public bool Active { get; init; } = true;
    /// <summary>The group agents need to be offered the queue's calls.</summary>
    public string Group => SkillGroup ?? Id;
}

/// <summary>Where a queue's calls go outside its calendar's hours.</summary>
public static class AfterHoursRules
{
    /// <summary>Only the queue's duty agents are offered the calls (voicemail when none is signed in).</summary>
    public const string DutyAgents = "duty-agents";
    /// <summary>Callers go straight to voicemail.</summary>
    public const string Voicemail = "voicemail";
    /// <summary>Calls go to <see cref="QueueSettings.OverflowQueue"/>.</summary>
    public const string Overflow = "overflow";
    public static readonly string[] All = [DutyAgents, Voicemail, Overflow];
}

/// <summary>Which calls a blacklist entry blocks.</summary>
public static class BlacklistDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";
    public const string Both = "both";
    public static readonly string[] All = [Inbound, Outbound, Both];
    public static bool Blocks(string direction, string call) => direction == Both || direction == call;
}

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
    int CallsAnsweredToday, TimeSpan TalkTimeToday)
{
    /// <summary>The agent's proficiency (1–5) in the queue's skill group, as the admin set it (<see cref="SkillLevels"/>).</summary>
    public int Proficiency { get; init; } = SkillLevels.Default;
}

/// <summary>A caller waiting in a queue. CustomerLevel: normal | silver | gold | vip (null = normal).</summary>
public sealed record WaitingCall(string CallId, string Ani, DateTimeOffset QueuedAt, string? CustomerLevel, string? LastAgentId);
