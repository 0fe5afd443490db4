using CallCenter.Infrastructure.EventSourcing;
using CallCenter.WorkOrders;
using CallCenter.WorkOrders.Progressing;

namespace CallCenter.Tests.WorkOrders;

/// <summary>R-WO-2 decider: given events / when step / then events.</summary>
public class WorkOrderFlowTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));

    static WorkOrder Given(params WorkOrderEvent[] events) => events.Aggregate(WorkOrderStream.Initial, WorkOrderStream.Evolve);
    static readonly WorkOrderDispatched Dispatched = new("w1", "WO-20261122-0001", "fault", "C1", "张三", "east", "broadband", null, "断网", "agent1", T0);

    [Fact]
    public void Assigning_a_dispatched_order_records_technician_and_team() =>
        Assert.Equal([new WorkOrderAssigned("w1", "tech-east-1", "team-east", T0, "agent1")],
            WorkOrderFlow.Decide(Given(Dispatched), "w1", new Assign("tech-east-1", "team-east", "agent1", T0)));

    [Fact]
    public void Each_step_needs_the_one_before()
    {
        var s = Given(Dispatched);
        Assert.Throws<RuleViolationException>(() => WorkOrderFlow.Decide(s, "w1", new Accept("tech", T0)));
        Assert.Throws<RuleViolationException>(() => WorkOrderFlow.Decide(s, "w1", new ArriveOnSite("tech", T0)));
        Assert.Throws<RuleViolationException>(() => WorkOrderFlow.Decide(s, "w1", new Complete("resolved", null, "tech", T0)));
        Assert.Throws<RuleViolationException>(() => WorkOrderFlow.Decide(s, "w1", new Close("admin", T0)));
        Assert.Throws<RuleViolationException>(() => WorkOrderFlow.Decide(s, "w1", new Reassign("tech-west-1", "team-west", "why", "admin", T0)));
    }

    [Fact]
    public void Repeating_the_step_just_taken_decides_nothing()
    {
        var s = Given(Dispatched, new WorkOrderAssigned("w1", "tech-east-1", "team-east", T0), new WorkOrderAccepted("w1", "tech-east-1", T0));
        Assert.Empty(WorkOrderFlow.Decide(s, "w1", new Accept("tech-east-1", T0.AddMinutes(1))));
        Assert.Empty(WorkOrderFlow.Decide(s, "w1", new Reassign("tech-east-1", "team-east", "again", "admin", T0)));
    }

    [Fact]
    public void Reassigning_goes_back_to_assigned_with_the_new_technician()
    {
        var s = Given(Dispatched, new WorkOrderAssigned("w1", "tech-east-1", "team-east", T0), new WorkOrderAccepted("w1", "tech-east-1", T0));
        var e = WorkOrderFlow.Decide(s, "w1", new Reassign("tech-east-2", "team-east", "sick", "admin", T0.AddHours(1)));
        var after = e.Aggregate(s, WorkOrderStream.Evolve);
        Assert.Equal(("assigned", "tech-east-2"), (after.CurrentStep, after.Technician));
    }

    [Fact]
    public void A_completed_order_can_only_be_closed()
    {
        var s = Given(Dispatched, new WorkOrderAssigned("w1", "tech-east-1", "team-east", T0), new WorkOrderAccepted("w1", "t", T0),
            new WorkOrderArrivedOnSite("w1", "t", T0), new WorkOrderCompleted("w1", "resolved", T0));
        Assert.Throws<RuleViolationException>(() => WorkOrderFlow.Decide(s, "w1", new Reassign("tech-east-2", null, "x", "admin", T0)));
        Assert.IsType<WorkOrderClosed>(Assert.Single(WorkOrderFlow.Decide(s, "w1", new Close("admin", T0))));
    }

    [Fact]
    public void An_unknown_order_is_not_found() =>
        Assert.Throws<NotFoundException>(() => WorkOrderFlow.Decide(WorkOrderStream.Initial, "nope", new Accept("t", T0)));
}
