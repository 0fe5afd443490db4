using CallCenter.Supervisor.Thresholds;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-SUP-6 team thresholds: crossed at since + limit, in event time.</summary>
public class ThresholdRulesTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_state_is_checked_against_its_own_limit_and_the_breach_is_timed_at_since_plus_limit()
    {
        var t = new TeamThresholds(TalkSeconds: 600, HoldSeconds: 60, WrapUpSeconds: 120, NotReadySeconds: 900, WaitingCalls: 3);
        var agents = new[]
        {
            new WatchedAgent("agent1", "talking", T0, HeldSince: T0.AddMinutes(9)),   // talk 10 min: crossed; held 1 min: crossed
            new WatchedAgent("agent2", "wrapUp", T0.AddMinutes(8)),                    // 2 min: crossed exactly
            new WatchedAgent("agent3", "notReady", T0.AddMinutes(1)),                  // 9 min of 15: not yet
            new WatchedAgent("agent4", "ready", T0),                                   // ready is never watched
        };
        var breaches = ThresholdRules.Breaches(t, agents, waiting: 4, oldestWaitingSince: T0.AddMinutes(7), now: T0.AddMinutes(10));
        Assert.Equal([("talk", "agent1", T0.AddMinutes(10)), ("hold", "agent1", T0.AddMinutes(10)), ("wrapUp", "agent2", T0.AddMinutes(10)),
            ("waiting", (string?)null, T0.AddMinutes(10))], breaches.Select(b => (b.Kind, b.AgentId, b.At)));
        Assert.Equal(4, breaches.Single(b => b.Kind == "waiting").Count);
    }

    [Fact]
    public void Nothing_is_watched_without_a_limit_and_the_same_breach_keeps_its_key()
    {
        var agents = new[] { new WatchedAgent("agent1", "notReady", T0) };
        Assert.Empty(ThresholdRules.Breaches(new TeamThresholds(), agents, 100, T0, T0.AddHours(5)));
        var t = new TeamThresholds(NotReadySeconds: 60);
        var first = ThresholdRules.Breaches(t, agents, 0, null, T0.AddMinutes(2)).Single();
        var later = ThresholdRules.Breaches(t, agents, 0, null, T0.AddMinutes(30)).Single();
        Assert.Equal(first.Key, later.Key);
        Assert.Equal(T0.AddMinutes(1), later.At);
        Assert.Empty(ThresholdRules.Breaches(new TeamThresholds(WaitingCalls: 3), agents, 3, T0, T0)); // above N, not at N
    }
}
