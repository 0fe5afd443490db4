using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.WorkOrders;

// Events on `workorder-{workOrderId}` (R-WO-1, R-WO-2): every flow step is an event. Wire name = "{type}.v1".
public abstract record WorkOrderEvent(string WorkOrderId, DateTimeOffset At);
/// <summary>R-SVC-3: dispatched (from a call or not) with the customer's data filled in from the directory. Type: fault or installation.</summary>
public sealed record WorkOrderDispatched(string WorkOrderId, string Serial, string Type, string CustomerId, string CustomerName, string Area,
    string ServiceType, string? CallId, string Description, string DispatchedBy, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
/// <summary>Assigned to a technician (and so their team) or to a whole team. <c>By</c> is who recorded the step.</summary>
public sealed record WorkOrderAssigned(string WorkOrderId, string? Technician, string? Team, DateTimeOffset At, string? By = null) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderAccepted(string WorkOrderId, string? By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderArrivedOnSite(string WorkOrderId, string? By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
/// <summary>Result: one of <see cref="WorkOrderResults"/> (older events may hold free text); Note: what was done.</summary>
public sealed record WorkOrderCompleted(string WorkOrderId, string Result, DateTimeOffset At, string? Note = null, string? By = null) : WorkOrderEvent(WorkOrderId, At);
/// <summary>Confirmed and closed by an admin (R-WO-2).</summary>
public sealed record WorkOrderClosed(string WorkOrderId, string By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
/// <summary>An admin gives the work order to another technician or team; the flow goes back to "assigned".</summary>
public sealed record WorkOrderReassigned(string WorkOrderId, string? Technician, string? Team, string? Reason, string? By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);

public static class WorkOrderTypes
{
    public const string Fault = "fault";
    public const string Installation = "installation";
    public const string Delivery = "delivery";
    public static readonly string[] All = [Fault, Installation, Delivery];
}

public static class WorkOrderResults
{
    public static readonly string[] All = ["resolved", "partially-resolved", "unresolved", "customer-absent"];
}

/// <summary>Status (R-POP-5: in progress / completed, then closed by an admin) and the current flow step.</summary>
public static class WorkOrderProgress
{
    public const string InProgress = "inProgress";
    public const string Completed = "completed";
    public const string Closed = "closed";

    /// <summary>Where the work order is after this event (status, current step).</summary>
    public static (string Status, string Step) After(WorkOrderEvent e) => e switch
    {
        WorkOrderDispatched => (InProgress, "dispatched"),
        WorkOrderAssigned or WorkOrderReassigned => (InProgress, "assigned"),
        WorkOrderAccepted => (InProgress, "accepted"),
        WorkOrderArrivedOnSite => (InProgress, "onSite"),
        WorkOrderCompleted => (Completed, "completed"),
        WorkOrderClosed => (Closed, "closed"),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };
}

/// <summary>Only what work-order decisions need: where it is in the flow and who has it.</summary>
public sealed record WorkOrder(bool Exists, string? Serial, string Status, string CurrentStep, string? Technician = null, string? Team = null);

public sealed class WorkOrderStream : IStreamType<WorkOrder, WorkOrderEvent>
{
    public const string Prefix = "workorder-";
    public static string StreamId(string workOrderId) => Prefix + workOrderId;
    public static WorkOrder Initial { get; } = new(false, null, WorkOrderProgress.InProgress, "none");

    public static WorkOrder Evolve(WorkOrder s, WorkOrderEvent e)
    {
        var (status, step) = WorkOrderProgress.After(e);
        s = s with { Exists = true, Serial = (e as WorkOrderDispatched)?.Serial ?? s.Serial, Status = status, CurrentStep = step };
        return e switch
        {
            WorkOrderAssigned a => s with { Technician = a.Technician, Team = a.Team },
            WorkOrderReassigned r => s with { Technician = r.Technician, Team = r.Team },
            _ => s,
        };
    }

    public static string WireName(WorkOrderEvent e) => e switch
    {
        WorkOrderDispatched => "WorkOrderDispatched.v1",
        WorkOrderAssigned => "WorkOrderAssigned.v1",
        WorkOrderAccepted => "WorkOrderAccepted.v1",
        WorkOrderArrivedOnSite => "WorkOrderArrivedOnSite.v1",
        WorkOrderCompleted => "WorkOrderCompleted.v1",
        WorkOrderClosed => "WorkOrderClosed.v1",
        WorkOrderReassigned => "WorkOrderReassigned.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static WorkOrderEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "WorkOrderDispatched.v1" => Read<WorkOrderDispatched>(data),
        "WorkOrderAssigned.v1" => Read<WorkOrderAssigned>(data),
        "WorkOrderAccepted.v1" => Read<WorkOrderAccepted>(data),
        "WorkOrderArrivedOnSite.v1" => Read<WorkOrderArrivedOnSite>(data),
        "WorkOrderCompleted.v1" => Read<WorkOrderCompleted>(data),
        "WorkOrderClosed.v1" => Read<WorkOrderClosed>(data),
        "WorkOrderReassigned.v1" => Read<WorkOrderReassigned>(data),
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
