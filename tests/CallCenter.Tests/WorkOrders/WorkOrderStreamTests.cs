using CallCenter.WorkOrders;

namespace CallCenter.Tests.WorkOrders;

/// <summary>R-WO-2: every flow step is an event; the state says the status and the current step (R-POP-5).</summary>
public class WorkOrderStreamTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_flow_moves_status_and_step_and_survives_the_wire()
    {
        WorkOrderEvent[] flow =
        [
            new WorkOrderDispatched("w1", "WO-20261122-0001", WorkOrderTypes.Fault, "C000001", "张三", "east", "broadband", "c-1", "断网", "agent1", T0),
            new WorkOrderAssigned("w1", "tech-1", null, T0.AddMinutes(5)),
            new WorkOrderReassigned("w1", null, "team-east", "sick", "admin", T0.AddMinutes(9)),
            new WorkOrderAccepted("w1", "tech-2", T0.AddMinutes(10)),
            new WorkOrderArrivedOnSite("w1", "tech-2", T0.AddHours(1)),
            new WorkOrderCompleted("w1", "fixed", T0.AddHours(2)),
            new WorkOrderClosed("w1", "admin", T0.AddHours(3)),
        ];
        var steps = new List<(string, string)>();
        var state = WorkOrderStream.Initial;
        foreach (var e in flow)
        {
            var wire = StreamTypeRoundTrip(e);
            Assert.Equal(e, wire);
            state = WorkOrderStream.Evolve(state, wire);
            steps.Add((state.Status, state.CurrentStep));
        }
        Assert.Equal([("inProgress", "dispatched"), ("inProgress", "assigned"), ("inProgress", "assigned"), ("inProgress", "accepted"),
            ("inProgress", "onSite"), ("completed", "completed"), ("closed", "closed")], steps);
        Assert.Equal(("WO-20261122-0001", true), (state.Serial, state.Exists));
    }

    static WorkOrderEvent StreamTypeRoundTrip(WorkOrderEvent e) =>
        WorkOrderStream.Decode(WorkOrderStream.WireName(e), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), CallCenter.Infrastructure.EventSourcing.Json.Options))!;
}
