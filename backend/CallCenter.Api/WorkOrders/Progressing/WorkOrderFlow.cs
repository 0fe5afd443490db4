using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.WorkOrders.Progressing;

/// <summary>One step of the R-WO-2 flow, as asked for by whoever records it.</summary>
public abstract record WorkOrderStep(string By, DateTimeOffset At);
public sealed record Assign(string? Technician, string? Team, string By, DateTimeOffset At) : WorkOrderStep(By, At);
public sealed record Accept(string By, DateTimeOffset At) : WorkOrderStep(By, At);
public sealed record ArriveOnSite(string By, DateTimeOffset At) : WorkOrderStep(By, At);
public sealed record Complete(string Result, string? Note, string By, DateTimeOffset At) : WorkOrderStep(By, At);
public sealed record Close(string By, DateTimeOffset At) : WorkOrderStep(By, At);
public sealed record Reassign(string? Technician, string? Team, string? Reason, string By, DateTimeOffset At) : WorkOrderStep(By, At);

/// <summary>
/// The pure decider of R-WO-2: dispatched → assigned → accepted → on site → completed → closed (confirmed by an admin);
/// reassigning goes back to "assigned". A step out of order is a broken rule (422); repeating the step just taken decides nothing.
/// </summary>
public static class WorkOrderFlow
{
    public static IReadOnlyList<WorkOrderEvent> Decide(WorkOrder s, string id, WorkOrderStep step)
    {
        if (!s.Exists) throw new NotFoundException($"There is no work order '{id}'.");
        return step switch
        {
            Assign a when s.CurrentStep == "dispatched" => [new WorkOrderAssigned(id, a.Technician, a.Team, a.At, a.By)],
            Assign a when s.CurrentStep == "assigned" && Same(s, a.Technician, a.Team) => [],
            Assign => Refuse(s, "assign", "it is already assigned: an admin can reassign it"),
            Accept a when s.CurrentStep == "assigned" => [new WorkOrderAccepted(id, a.By, a.At)],
            Accept when s.CurrentStep == "accepted" => [],
            Accept => Refuse(s, "accept", "only an assigned work order can be accepted"),
            ArriveOnSite a when s.CurrentStep == "accepted" => [new WorkOrderArrivedOnSite(id, a.By, a.At)],
            ArriveOnSite when s.CurrentStep == "onSite" => [],
            ArriveOnSite => Refuse(s, "arrive on site for", "the technician must accept it first"),
            Complete c when s.CurrentStep == "onSite" => [new WorkOrderCompleted(id, c.Result, c.At, c.Note, c.By)],
            Complete when s.CurrentStep == "completed" => [],
            Complete => Refuse(s, "complete", "the technician must be on site first"),
            Close c when s.CurrentStep == "completed" => [new WorkOrderClosed(id, c.By, c.At)],
            Close when s.CurrentStep == "closed" => [],
            Close => Refuse(s, "close", "only a completed work order can be confirmed and closed"),
            Reassign r when s.CurrentStep is "assigned" or "accepted" or "onSite" =>
                Same(s, r.Technician, r.Team) ? [] : [new WorkOrderReassigned(id, r.Technician, r.Team, r.Reason, r.By, r.At)],
            Reassign => Refuse(s, "reassign", s.CurrentStep == "dispatched" ? "it is not assigned yet: assign it" : "it is already completed"),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name),
        };
    }

    static bool Same(WorkOrder s, string? technician, string? team) => s.Technician == technician && s.Team == team;

    static IReadOnlyList<WorkOrderEvent> Refuse(WorkOrder s, string action, string why) =>
        throw new RuleViolationException($"Cannot {action} work order {s.Serial} at step '{s.CurrentStep}': {why}.");
}
