using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.WorkOrders;

// Events on `workorder-{workOrderId}` (R-WO-1, R-WO-2): every flow step is an event. Wire name = "{type}.v1".
public abstract record WorkOrderEvent(string WorkOrderId, DateTimeOffset At);
/// <summary>R-SVC-3: dispatched (from a call or not) with the customer's data filled in from the directory. Type: fault or installation.</summary>
public sealed record WorkOrderDispatched(string WorkOrderId, string Serial, string Type, string CustomerId, string CustomerName, string Area,
    string ServiceType, string? CallId, string Description, string DispatchedBy, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderAssigned(string WorkOrderId, string? Technician, string? Team, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderAccepted(string WorkOrderId, string? By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderArrivedOnSite(string WorkOrderId, string? By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderCompleted(string WorkOrderId, string Result, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderClosed(string WorkOrderId, string By, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);
public sealed record WorkOrderReassigned(string WorkOrderId, string To, DateTimeOffset At) : WorkOrderEvent(WorkOrderId, At);

public static class WorkOrderTypes
{
    public const string Fault = "fault";
    public const string Installation = "installation";
    public static readonly string[] All = [Fault, Installation];
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

/// <summary>Only what work-order decisions need.</summary>
public sealed record WorkOrder(bool Exists, string? Serial, string Status, string CurrentStep);

public sealed class WorkOrderStream : IStreamType<WorkOrder, WorkOrderEvent>
{
    public const string Prefix = "workorder-";
    public static string StreamId(string workOrderId) => Prefix + workOrderId;
    public static WorkOrder Initial { get; } = new(false, null, WorkOrderProgress.InProgress, "none");

    public static WorkOrder Evolve(WorkOrder s, WorkOrderEvent e)
    {
        var (status, step) = WorkOrderProgress.After(e);
        return s with { Exists = true, Serial = (e as WorkOrderDispatched)?.Serial ?? s.Serial, Status = status, CurrentStep = step };
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
