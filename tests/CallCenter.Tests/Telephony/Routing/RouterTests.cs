using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>R-ACD-2: given the same ready agents, each strategy picks its own agent for a broadband call.</summary>
public class RouterTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    static DateTimeOffset At(int hour, int minute) => new(2026, 11, 20, hour, minute, 0, TimeSpan.FromHours(8));

    // Each agent wins under exactly one strategy; agent-cable is idle longest and has the lowest extension but lacks the skill.
    static readonly AgentCandidate Longest = new("agent-longest", "8005", ["general", "broadband"], At(9, 0), 10, TimeSpan.FromMinutes(60));
    static readonly AgentCandidate LowExt = new("agent-lowext", "8001", ["broadband"], At(9, 20), 5, TimeSpan.FromMinutes(30));
    static readonly AgentCandidate Primary = new("agent-primary", "8003", ["broadband", "general"], At(9, 10), 6, TimeSpan.FromMinutes(40));
    static readonly AgentCandidate FewCalls = new("agent-fewcalls", "8004", ["broadband"], At(9, 30), 2, TimeSpan.FromMinutes(50));
    static readonly AgentCandidate Last = new("agent-last", "8006", ["broadband"], At(9, 40), 3, TimeSpan.FromMinutes(10));
    static readonly AgentCandidate Cable = new("agent-cable", "8000", ["cable-tv"], At(8, 0), 0, TimeSpan.Zero);
    static readonly AgentCandidate[] Ready = [Longest, LowExt, Primary, FewCalls, Last, Cable];

    static QueueSettings Broadband(string strategy, params string[] duty) =>
        new("broadband", "Broadband", strategy, "1", 20, 120, new TimeOnly(8, 0), new TimeOnly(20, 0), duty);
    static readonly WaitingCall Caller = new("c1", "13912345678", At(9, 59), "normal", "agent-last");

    static string? Choose(string strategy, WaitingCall? call = null, DateTimeOffset? now = null, IReadOnlyList<AgentCandidate>? ready = null, string[]? duty = null) =>
        Router.ChooseAgent(Broadband(strategy, duty ?? []), call ?? Caller, ready ?? Ready, now ?? Now);

    [Fact]
    public void Longest_idle_gives_the_call_to_the_earliest_ready_skilled_agent()
    {
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LongestIdle));
        Assert.NotEqual(Cable.AgentId, Choose(RoutingStrategies.LongestIdle)); // idle longer, but no broadband skill
    }

    [Fact]
    public void Skill_based_prefers_the_queue_as_primary_skill_then_longest_idle()
    {
        Assert.Equal("agent-primary", Choose(RoutingStrategies.SkillBased));
        // Without any primary-skilled agent it falls back to the longest idle skilled one.
        Assert.Equal("agent-longest", Choose(RoutingStrategies.SkillBased, ready: [Longest, Cable]));
    }

    [Fact]
    public void Sequential_hunts_from_the_lowest_extension()
    {
        Assert.Equal("agent-lowext", Choose(RoutingStrategies.Sequential));
        var ext10000 = LowExt with { AgentId = "agent-long-ext", Extension = "10000" };
        var noExt = LowExt with { AgentId = "agent-aaa-noext", Extension = null };
        Assert.Equal("agent-primary", Choose(RoutingStrategies.Sequential, ready: [ext10000, noExt, Primary])); // 8003 < 10000 numerically
    }

    [Fact]
    public void Balanced_gives_the_call_to_the_agent_with_fewest_calls_then_least_talk_time()
    {
        Assert.Equal("agent-fewcalls", Choose(RoutingStrategies.Balanced));
        var sameCallsLessTalk = FewCalls with { AgentId = "agent-lesstalk", TalkTimeToday = TimeSpan.FromMinutes(5), ReadySince = At(9, 55) };
        Assert.Equal("agent-lesstalk", Choose(RoutingStrategies.Balanced, ready: [.. Ready, sameCallsLessTalk]));
    }

    [Fact]
    public void Customer_priority_picks_the_longest_idle_agent()
    {
        Assert.Equal("agent-longest", Choose(RoutingStrategies.CustomerPriority, call: Caller with { CustomerLevel = "vip" }));
    }

    [Fact]
    public void Last_agent_gets_the_caller_back_when_ready_otherwise_longest_idle()
    {
        Assert.Equal("agent-last", Choose(RoutingStrategies.LastAgent));
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LongestIdle)); // what the others would do
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LastAgent, ready: [Longest, LowExt, Cable]));
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LastAgent, call: Caller with { LastAgentId = null }));
        // The last agent without the queue's skill is not offered it.
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LastAgent, call: Caller with { LastAgentId = "agent-cable" }));
    }

    [Fact]
    public void Time_of_day_uses_skilled_agents_in_hours_and_only_duty_agents_after_hours()
    {
        string[] duty = ["agent-cable", "agent-last"];
        Assert.Equal("agent-longest", Choose(RoutingStrategies.TimeOfDay, duty: duty));
        var night = At(21, 0);
        Assert.Equal("agent-cable", Choose(RoutingStrategies.TimeOfDay, now: night, duty: duty)); // duty agents need no skill
        Assert.Equal("agent-last", Choose(RoutingStrategies.TimeOfDay, now: night, duty: duty, ready: [Longest, Last]));
        Assert.Null(Choose(RoutingStrategies.TimeOfDay, now: night, duty: []));
        // Other strategies keep routing after hours.
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LongestIdle, now: night, duty: duty));
    }

    [Fact]
    public void Nobody_skilled_ready_means_no_agent_and_ties_end_on_the_agent_id()
    {
        foreach (var strategy in RoutingStrategies.All)
            Assert.Null(Choose(strategy, ready: [Cable]));
        var twinB = Longest with { AgentId = "agent-b" };
        var twinA = Longest with { AgentId = "agent-a" };
        foreach (var strategy in RoutingStrategies.All)
            Assert.Equal("agent-a", Choose(strategy, ready: [twinB, twinA], call: Caller with { LastAgentId = null }));
    }

    [Fact]
    public void The_strategies_disagree_on_the_same_agents()
    {
        var picks = RoutingStrategies.All.Except([RoutingStrategies.CustomerPriority, RoutingStrategies.TimeOfDay])
            .Select(s => Choose(s)).ToList();
        Assert.Equal(picks.Count, picks.Distinct().Count());
    }
    [Fact]
    public void The_more_proficient_agent_gets_the_call_and_the_strategy_orders_agents_of_one_level()
    {
        // LowExt (ready 9:20, 8001) is the most proficient: it beats everyone each strategy would otherwise pick.
        var expert = LowExt with { Proficiency = 5 };
        AgentCandidate[] ready = [Longest, expert, Primary, FewCalls, Last, Cable];
        foreach (var strategy in new[] { RoutingStrategies.LongestIdle, RoutingStrategies.SkillBased, RoutingStrategies.Sequential,
                     RoutingStrategies.Balanced, RoutingStrategies.CustomerPriority, RoutingStrategies.TimeOfDay })
            Assert.Equal("agent-lowext", Choose(strategy, ready: ready));
        // Among equals the strategy decides: Longest and Primary both at 4, longest-idle takes Longest, skill-based Primary.
        AgentCandidate[] twoFours = [Longest with { Proficiency = 4 }, Primary with { Proficiency = 4 }, LowExt with { Proficiency = 2 }];
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LongestIdle, ready: twoFours));
        Assert.Equal("agent-primary", Choose(RoutingStrategies.SkillBased, ready: twoFours));
        // A proficient agent without the queue's skill is still not offered it.
        Assert.Equal("agent-longest", Choose(RoutingStrategies.LongestIdle, ready: [Longest, Cable with { Proficiency = 5 }]));
        // last-agent: the caller's agent comes before any level; then the level decides.
        Assert.Equal("agent-last", Choose(RoutingStrategies.LastAgent, ready: ready));
        Assert.Equal("agent-lowext", Choose(RoutingStrategies.LastAgent, ready: ready, call: Caller with { LastAgentId = null }));
        // After hours the duty agents are taken by longest idle alone.
        Assert.Equal("agent-cable", Choose(RoutingStrategies.TimeOfDay, now: At(21, 0), duty: ["agent-cable", "agent-lowext"], ready: ready));
    }
}
