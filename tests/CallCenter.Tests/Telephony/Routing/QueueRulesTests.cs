using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>R-ACD-2/3: serve order, business hours, expected wait.</summary>
public class QueueRulesTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    static QueueSettings Queue(string strategy, int opens = 8, int closes = 20) =>
        new("billing", "Billing", strategy, "3", 20, 120, new TimeOnly(opens, 0), new TimeOnly(closes, 0), []);

    static readonly WaitingCall NormalFirst = new("c-normal", "1", T0, "normal", null);
    static readonly WaitingCall GoldSecond = new("c-gold", "2", T0.AddSeconds(10), "gold", null);
    static readonly WaitingCall VipThird = new("c-vip", "3", T0.AddSeconds(20), "vip", null);
    static readonly WaitingCall SilverFourth = new("c-silver", "4", T0.AddSeconds(30), "silver", null);
    static readonly WaitingCall UnknownFifth = new("c-unknown", "5", T0.AddSeconds(40), null, null);
    static readonly WaitingCall GoldSixth = new("c-gold2", "6", T0.AddSeconds(50), "gold", null);
    static readonly WaitingCall[] Waiting = [GoldSixth, UnknownFifth, SilverFourth, VipThird, GoldSecond, NormalFirst];

    static string[] Order(string strategy) => Router.ServeOrder(Queue(strategy), Waiting).Select(c => c.CallId).ToArray();

    [Fact]
    public void Customer_priority_serves_vip_then_gold_then_silver_then_normal_each_first_come_first_served()
    {
        Assert.Equal(["c-vip", "c-gold", "c-gold2", "c-silver", "c-normal", "c-unknown"], Order(RoutingStrategies.CustomerPriority));
    }

    [Fact]
    public void Other_strategies_serve_first_come_first_served()
    {
        Assert.Equal(["c-normal", "c-gold", "c-vip", "c-silver", "c-unknown", "c-gold2"], Order(RoutingStrategies.LongestIdle));
    }

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(19, 59, true)]
    [InlineData(20, 0, false)]
    public void Business_hours_are_on_the_local_clock_of_the_time_given(int hour, int minute, bool open)
    {
        var local = new DateTimeOffset(2026, 11, 20, hour, minute, 0, TimeSpan.FromHours(8));
        Assert.Equal(open, Router.IsOpen(Queue(RoutingStrategies.TimeOfDay), local));
        Assert.Equal(open, Router.IsOpen(Queue(RoutingStrategies.TimeOfDay), local.ToUniversalTime().ToOffset(TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Hours_may_span_midnight_and_equal_times_mean_always_open()
    {
        var night = Queue(RoutingStrategies.TimeOfDay, opens: 20, closes: 8);
        Assert.True(Router.IsOpen(night, T0.AddHours(13)));   // 23:00
        Assert.True(Router.IsOpen(night, T0.AddHours(-8)));   // 02:00
        Assert.False(Router.IsOpen(night, T0));               // 10:00
        Assert.True(Router.IsOpen(Queue(RoutingStrategies.TimeOfDay, opens: 0, closes: 0), T0));
    }

    [Theory]
    [InlineData(1, 1, 180.0, 180)]
    [InlineData(3, 2, 180.0, 270)]
    [InlineData(5, 4, 100.0, 125)]
    [InlineData(1, 3, 100.0, 34)]   // rounded up
    [InlineData(2, 0, 60.0, 120)]   // nobody staffed counts as one
    [InlineData(0, 2, 60.0, 0)]
    [InlineData(4, 2, 0.0, 0)]
    public void Expected_wait_is_position_times_average_handle_time_over_staffed_agents(int position, int staffed, double aht, int expected) =>
        Assert.Equal(expected, Router.ExpectedWaitSeconds(position, staffed, aht));
}
