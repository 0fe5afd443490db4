using CallCenter.Alarms;

namespace CallCenter.Tests.Alarms;

/// <summary>R-ALARM-1 on the pure timeline: calls tagged "work order dispatched" in any sliding window of event time.</summary>
public class AlarmTimelineTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly IReadOnlyList<AlarmRule> Rules = [AlarmRule.Default];

    static IEnumerable<DateTimeOffset> EveryMinute(int n, DateTimeOffset? start = null) => Enumerable.Range(0, n).Select(i => (start ?? T0).AddMinutes(i));

    static List<(string Kind, int Level, DateTimeOffset At)> Timeline(IEnumerable<DateTimeOffset> tags, IReadOnlyList<AlarmRule>? rules = null) =>
        AlarmTimeline.Compute(tags, rules ?? Rules).Select(t => (t.Kind, t.Level, t.At)).ToList();

    [Fact]
    public void Four_tagged_calls_within_an_hour_raise_nothing() => Assert.Empty(AlarmTimeline.Compute(EveryMinute(4), Rules));

    [Fact]
    public void The_fifth_raises_level_3_the_tenth_escalates_to_2_the_twentieth_to_1()
    {
        var t = Timeline(EveryMinute(20));
        Assert.Equal(("raised", 3, T0.AddMinutes(4)), t[0]);
        Assert.Equal(("escalated", 2, T0.AddMinutes(9)), t[1]);
        Assert.Equal(("escalated", 1, T0.AddMinutes(19)), t[2]);
        Assert.Equal([5, 10, 20], AlarmTimeline.Compute(EveryMinute(20), Rules).Take(3).Select(x => x.Count));
    }

    [Fact]
    public void Twenty_calls_spread_over_more_than_an_hour_never_reach_level_1()
    {
        // one call every 3 min 10 s: 20 calls span 60 min 10 s, so no 1-hour window holds all of them
        var tags = Enumerable.Range(0, 20).Select(i => T0.AddSeconds(i * 190)).ToList();
        var levels = AlarmTimeline.Compute(tags, Rules).Select(t => t.Level).ToList();
        Assert.DoesNotContain(1, levels);
        Assert.Contains(2, levels);
    }

    [Fact]
    public void The_window_sliding_past_old_calls_lowers_the_level_then_clears_it()
    {
        var t = Timeline(EveryMinute(10));
        Assert.Equal([("raised", 3, T0.AddMinutes(4)), ("escalated", 2, T0.AddMinutes(9)),
            ("deEscalated", 3, T0.AddMinutes(60)),   // the first call leaves the window (t − 1 h, t]: 9 left
            ("cleared", 0, T0.AddMinutes(65))], t);   // the sixth leaves: 4 left
    }

    [Fact]
    public void A_call_exactly_one_window_old_no_longer_counts()
    {
        DateTimeOffset[] tags = [.. EveryMinute(4), T0.AddMinutes(60)];
        Assert.Empty(AlarmTimeline.Compute(tags, Rules)); // at 10:00 the 09:00 call has left: still 4
    }

    [Fact]
    public void Thresholds_changed_later_apply_from_their_time_only()
    {
        IReadOnlyList<AlarmRule> rules = [AlarmRule.Default, new AlarmRule(T0.AddHours(3), 3, 6, 9, 30)];
        var t = Timeline([.. EveryMinute(4), .. EveryMinute(4, T0.AddHours(4))], rules);
        Assert.Equal([("raised", 3, T0.AddHours(4).AddMinutes(2)), ("cleared", 0, T0.AddHours(4).AddMinutes(31))], t);
    }

    [Fact]
    public void The_order_calls_are_given_in_does_not_matter()
    {
        var tags = EveryMinute(25).Concat(EveryMinute(12, T0.AddMinutes(200))).ToList();
        var shuffled = tags.OrderBy(_ => Random.Shared.Next()).ToList();
        Assert.Equal(AlarmTimeline.Compute(tags, Rules), AlarmTimeline.Compute(shuffled, Rules));
    }
}
