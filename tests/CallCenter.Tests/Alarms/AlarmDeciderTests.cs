using CallCenter.Alarms;
using CallCenter.Alarms.Counting;

namespace CallCenter.Tests.Alarms;

/// <summary>Given events / when command / then events, on one area's alarm stream.</summary>
public class AlarmDeciderTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly IReadOnlyList<AlarmRule> Rules = [AlarmRule.Default];
    static readonly DateTimeOffset Later = T0.AddDays(1);

    static AlarmArea Given(params AlarmEvent[] events) => events.Aggregate(AlarmStream.Initial, AlarmStream.Evolve);

    static AlarmArea Count(AlarmArea s, string call, DateTimeOffset at, DateTimeOffset now, List<AlarmEvent>? log = null)
    {
        var events = AlarmDecider.Decide(s, "east", new CountCall(call, at), Rules, now);
        log?.AddRange(events);
        return events.Aggregate(s, AlarmStream.Evolve);
    }

    [Fact]
    public void The_fifth_call_counted_raises_level_3_with_its_tag_time()
    {
        var s = AlarmStream.Initial;
        for (var i = 0; i < 4; i++) s = Count(s, "c" + i, T0.AddMinutes(i), Later);
        var events = AlarmDecider.Decide(s, "east", new CountCall("c4", T0.AddMinutes(4)), Rules, Later);
        Assert.Equal([new AlarmCallCounted("east", "c4", T0.AddMinutes(4)), new AlarmRaised("east", 0, 3, 5, 60, T0.AddMinutes(4)),
            new AlarmCleared("east", 3, 0, 4, 60, T0.AddMinutes(60))], events);
    }

    [Fact]
    public void Counting_the_same_call_again_decides_nothing()
    {
        var s = Given(new AlarmCallCounted("east", "c1", T0));
        Assert.Empty(AlarmDecider.Decide(s, "east", new CountCall("c1", T0), Rules, Later));
    }

    [Fact]
    public void Changes_after_now_wait_for_their_time()
    {
        var s = AlarmStream.Initial;
        for (var i = 0; i < 5; i++) s = Count(s, "c" + i, T0.AddMinutes(i), now: T0.AddMinutes(10));
        Assert.Equal([new AlarmTransition(T0.AddMinutes(4), 0, 3, 5, 60)], s.Transitions);
        var due = AlarmDecider.Decide(s, "east", new Reconcile(), Rules, T0.AddMinutes(61));
        Assert.Equal([new AlarmCleared("east", 3, 0, 4, 60, T0.AddMinutes(60))], due);
    }

    [Fact]
    public void A_late_call_revises_the_announced_past_and_ends_where_in_order_arrival_ends()
    {
        var times = Enumerable.Range(0, 12).Select(i => T0.AddMinutes(i * 3)).ToList();
        var inOrder = times.Select((t, i) => ("c" + i, t)).ToList();
        var late = inOrder.OrderBy(c => c.t == times[1] ? 1 : 0).ToList(); // the second call arrives last

        var a = inOrder.Aggregate(AlarmStream.Initial, (s, c) => Count(s, c.Item1, c.t, Later));
        var log = new List<AlarmEvent>();
        var b = late.Aggregate(AlarmStream.Initial, (s, c) => Count(s, c.Item1, c.t, Later, log));

        Assert.Equal(a.Transitions, b.Transitions);
        Assert.Contains(log, e => e is AlarmHistoryRevised);
    }

    [Fact]
    public void Uncounting_a_retagged_call_lowers_the_level()
    {
        var s = AlarmStream.Initial;
        for (var i = 0; i < 5; i++) s = Count(s, "c" + i, T0.AddMinutes(i), T0.AddMinutes(5));
        var events = AlarmDecider.Decide(s, "east", new UncountCall("c2", T0.AddMinutes(5)), Rules, T0.AddMinutes(5));
        Assert.Equal([new AlarmCallUncounted("east", "c2", T0.AddMinutes(5)), new AlarmHistoryRevised("east", T0.AddMinutes(4))], events);
    }
}
