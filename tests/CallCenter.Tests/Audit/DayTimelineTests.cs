using CallCenter.Agents;
using CallCenter.Audit;
using CallCenter.EventStore;
using CallCenter.Infrastructure;

namespace CallCenter.Tests.Audit;

/// <summary>R-USE-3: states that cross the day's edges are clipped to it and say so.</summary>
public class DayTimelineTests
{
    static readonly DateOnly Day = new(2026, 10, 14);
    static readonly DateTimeOffset Midnight = CenterTime.StartOf(Day, CenterTime.DefaultZone);

    static AgentRecord R(AgentEvent e) => new(new RecordedEvent(Guid.NewGuid(), "agent-a", 0, 0, "", default, default, default), e);

    [Fact]
    public void A_night_shift_is_clipped_at_midnight_on_both_days()
    {
        var opening = new List<AgentRecord> { R(new AgentSignedIn("a", null, [], Midnight.AddHours(-2))), R(new AgentBecameReady("a", Midnight.AddHours(-1))) };
        var day = new List<AgentRecord>
        {
            R(new AgentBecameNotReady("a", "break", Midnight.AddHours(1))),
            R(new AgentSignedOut("a", Midnight.AddHours(1.5))),
            R(new AgentSignedIn("a", null, [], Midnight.AddHours(23))),
        };

        var periods = DayTimeline.Build(new AgentDayEvents(opening, day, null, 0), Midnight, Midnight.AddDays(1), Midnight.AddDays(3));

        Assert.Equal(3, periods.Count);
        Assert.Equal(("ready", Midnight, Midnight.AddHours(1), true, false, (DateTimeOffset?)Midnight.AddHours(-1)),
            (periods[0].State, periods[0].Start, periods[0].End, periods[0].ClippedStart, periods[0].ClippedEnd, periods[0].Since));
        Assert.Equal(("notReady", "break", 30 * 60_000L), (periods[1].State, periods[1].ReasonCode!, periods[1].DurationMs));
        Assert.Equal(("notReady", Midnight.AddHours(23), Midnight.AddDays(1), false, true),
            (periods[2].State, periods[2].Start, periods[2].End, periods[2].ClippedStart, periods[2].ClippedEnd));
    }

    [Fact]
    public void Today_runs_until_now_and_events_stored_out_of_time_order_fold_in_event_time()
    {
        var day = new List<AgentRecord>
        {
            R(new AgentSignedIn("a", null, [], Midnight.AddHours(8))),
            R(new AgentBecameReady("a", Midnight.AddHours(9))),
            R(new AgentCallStarted("a", "c1", Midnight.AddHours(8.5))), // stored after, stamped before (decision 0012)
        };

        var periods = DayTimeline.Build(new AgentDayEvents([], day, null, 0), Midnight, Midnight.AddDays(1), Midnight.AddHours(10));

        // Ready at 9:00 came while the agent was on c1: the agent goes ready when the call is over, and talks until then.
        Assert.Equal(["notReady", "talking"], periods.Select(p => p.State));
        Assert.Equal(30 * 60_000L, periods[0].DurationMs);
        Assert.Equal((Midnight.AddHours(8.5), Midnight.AddHours(10), true), (periods[1].Start, periods[1].End, periods[1].ClippedEnd));
        Assert.Equal(["c1"], periods[1].CallIds);
        Assert.Equal(2 * 3_600_000L, periods.Sum(p => p.DurationMs));
    }
}
