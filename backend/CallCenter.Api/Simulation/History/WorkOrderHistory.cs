using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.Customers;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.WorkOrders;

namespace CallCenter.Simulation.History;

/// <summary>A customer as the history's work orders name it.</summary>
public sealed record SimCustomer(string Id, string Name, string Area, string ServiceType);

/// <summary>
/// The work orders of a simulated day (issue 16: the pop's recent work orders, the technicians' board and the list were empty
/// on a demo database): every answered call tagged "work order dispatched" or "repair" from a known customer gets one,
/// dispatched by the agent during the call's wrap-up and taken through the flow by the area's field team — completed and
/// closed on earlier days; on the last day three in five are still assigned, accepted or on site.
/// Deterministic: ids, serials (<c>WO-yyyyMMdd-5NNN</c>, apart from the live counter's 0001…) and times come from the call.
/// </summary>
public static class WorkOrderHistory
{
    static readonly string[] DispatchingPurposes = ["work-order-dispatched", "repair"];

    public static IEnumerable<(string WorkOrderId, IReadOnlyList<WorkOrderEvent> Events)> Of(
        DateOnly day, SimulatedDay simulated, IReadOnlyDictionary<string, SimCustomer> customersByPhone, Guid ns, bool lastDay)
    {
        var ani = simulated.CtiFacts.Where(f => f.Type == "CallArrived" && f.CallId is not null).ToDictionary(f => f.CallId!, f => f.Ani);
        var n = 0;
        foreach (var tag in simulated.Tags.Where(t => DispatchingPurposes.Contains(t.Purpose)).OrderBy(t => t.At).ThenBy(t => t.CallId, StringComparer.Ordinal))
        {
            if (!ani.TryGetValue(tag.CallId, out var phone) || PhoneNumbers.Normalize(phone) is not { } number
                || !customersByPhone.TryGetValue(number, out var customer)) continue;
            n++;
            var id = DeterministicGuid.Create(ns, $"{tag.CallId}/workorder").ToString("N");
            var at = tag.At.AddSeconds(-5);
            var type = tag.Purpose == "repair" || n % 4 != 0 ? WorkOrderTypes.Fault : WorkOrderTypes.Installation;
            var team = FieldTeams.All.FirstOrDefault(t => t.Area == customer.Area) ?? FieldTeams.All[0];
            var technician = team.Technicians[n % team.Technicians.Count];
            var description = type == WorkOrderTypes.Fault ? "用户来电报修：无信号 / 网络中断，请上门检查。" : "用户申请加装机顶盒，请上门安装。";
            var events = new List<WorkOrderEvent>
            {
                new WorkOrderDispatched(id, $"WO-{day:yyyyMMdd}-{5000 + n:0000}", type, customer.Id, customer.Name, customer.Area, customer.ServiceType,
                    tag.CallId, description, tag.AgentId, at),
                new WorkOrderAssigned(id, technician.Id, team.Id, at.AddMinutes(10 + n % 20), "admin"),
            };
            // On the last day the field teams are still at it: of every five, one is only assigned, one accepted, one on site.
            var steps = lastDay ? Math.Min(3, n % 5) : 4;
            if (steps >= 1) events.Add(new WorkOrderAccepted(id, technician.Id, at.AddMinutes(35 + n % 25)));
            if (steps >= 2) events.Add(new WorkOrderArrivedOnSite(id, technician.Id, at.AddMinutes(90 + n % 60)));
            if (steps >= 3) events.Add(new WorkOrderCompleted(id, n % 9 == 0 ? "partially-resolved" : "resolved", at.AddMinutes(150 + n % 60), "已处理完毕。", technician.Id));
            if (steps >= 4 && !lastDay) events.Add(new WorkOrderClosed(id, "admin", at.AddHours(20)));
            yield return (id, events);
        }
    }
}
