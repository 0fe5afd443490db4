using CallCenter.Infrastructure.Persistence;
using CallCenter.Customers;
using CallCenter.WorkOrders;
using Npgsql;

namespace CallCenter.Calls.ScreenPops;

/// <summary>screen_pop_work_orders: each customer's work orders with their status and current step (R-POP-5).</summary>
public sealed class WorkOrderFactsStore(NpgsqlConnection connection)
{
    public Task DispatchedAsync(WorkOrderDispatched e, ulong position, CancellationToken ct)
    {
        var (status, step) = WorkOrderProgress.After(e);
        return Sql.ExecAsync(connection, """
            insert into screen_pop_work_orders (work_order_id, customer_id, serial, type, dispatched_at, customer_name, area, service_type, status, current_step, position)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (work_order_id) do nothing
            """, ct, e.WorkOrderId, e.CustomerId, e.Serial, e.Type, e.At.ToUniversalTime(), e.CustomerName, e.Area, e.ServiceType, status, step, (long)position);
    }

    public Task ProgressedAsync(WorkOrderEvent e, ulong position, CancellationToken ct)
    {
        var (status, step) = WorkOrderProgress.After(e);
        return Sql.ExecAsync(connection, "update screen_pop_work_orders set status = $2, current_step = $3, position = $4 where work_order_id = $1",
            ct, e.WorkOrderId, status, step, (long)position);
    }

    /// <summary>R-POP-5: the customer's last work orders by dispatch time, newest first.</summary>
    public Task<List<RecentWorkOrder>> RecentAsync(string customerId, int take, CancellationToken ct) => Sql.QueryAsync(connection, """
        select work_order_id, serial, type, dispatched_at, customer_name, area, service_type, status, current_step from screen_pop_work_orders
        where customer_id = $1 order by dispatched_at desc, serial desc limit $2
        """, r => new RecentWorkOrder(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4),
            r.GetString(5), BusinessAreas.NameOf(r.GetString(5)), r.GetString(6), r.GetString(7), r.GetString(8)), ct, customerId, take);
}
