using CallCenter.Simulation.Traffic;

namespace CallCenter.Tests.Simulation;

/// <summary>The traffic model plans realistic, deterministic days (issue 3 item 7).</summary>
public class TrafficModelTests
{
    static readonly Caller[] Callers = [.. Enumerable.Range(0, 500).Select(i => new Caller($"1390000{i:D4}", i % 4 == 0 ? "east" : i % 4 == 1 ? "west" : "north"))];
    static readonly DateOnly Day = new(2026, 11, 10);

    static IReadOnlyList<PlannedCall> Plan(int seed, int calls = 5000, double burst = 1.0) =>
        TrafficModel.PlanDay(Day, seed, Callers, new TrafficOptions(calls, BurstDayShare: burst));

    [Fact]
    public void The_same_seed_plans_the_same_day_and_another_seed_a_different_one()
    {
        static string Describe(PlannedCall c) => c with { IvrTrail = [] } + string.Join("-", c.IvrTrail);
        Assert.Equal(Plan(7).Select(Describe), Plan(7).Select(Describe));
        Assert.NotEqual(Plan(7).Select(c => c.Ani), Plan(8).Select(c => c.Ani));
    }

    [Fact]
    public void Arrivals_follow_the_hour_of_day_and_stay_within_the_day()
    {
        var plan = Plan(1);
        int At(int hour) => plan.Count(c => c.ArrivesAt.Hour == hour);
        Assert.True(At(10) > 10 * At(3), $"10:00 {At(10)} vs 03:00 {At(3)}");
        Assert.All(plan, c => Assert.Equal(Day, DateOnly.FromDateTime(c.ArrivesAt.DateTime)));
        Assert.Equal(plan.OrderBy(c => c.ArrivesAt), plan);
    }

    [Fact]
    public void Talk_times_are_lognormal_around_three_minutes()
    {
        var talk = Plan(2).Select(c => c.TalkSeconds).Order().ToList();
        var median = talk[talk.Count / 2];
        Assert.InRange(median, 150, 210);
        Assert.True(talk[(int)(talk.Count * 0.95)] > 2 * median); // a long right tail
    }

    [Fact]
    public void Callers_call_again_both_within_and_after_two_hours()
    {
        var gaps = Plan(3).GroupBy(c => c.Ani).Where(g => g.Count() > 1)
            .SelectMany(g => g.Zip(g.Skip(1), (a, b) => b.ArrivesAt - a.ArrivesAt)).ToList();
        Assert.Contains(gaps, g => g < TimeSpan.FromHours(2));
        Assert.Contains(gaps, g => g > TimeSpan.FromHours(2));
    }

    [Fact]
    public void A_burst_day_has_twenty_or_more_dispatches_in_one_area_within_an_hour()
    {
        var dispatched = Plan(4).Where(c => c.Purpose == "work-order-dispatched").ToList();
        var worst = dispatched.GroupBy(c => c.Area).Max(g => g.Max(c => g.Count(o => o.ArrivesAt >= c.ArrivesAt && o.ArrivesAt < c.ArrivesAt.AddHours(1))));
        Assert.True(worst >= 20, $"at most {worst} in an hour");
        Assert.All(Plan(4), c => Assert.Equal(c.Queue, c.IvrTrail[0] switch { "1" => "broadband", "2" => "cable-tv", "3" => "billing", _ => "general" }));
    }
}
