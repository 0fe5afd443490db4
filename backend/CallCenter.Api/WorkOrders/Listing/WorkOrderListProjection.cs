using CallCenter.Agents.CurrentStates;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.WorkOrders.Listing;

/// <summary>
/// R-SVC-3, R-WO-3: every work order with its status, current step and assignee (work_orders), and its timeline of
/// steps (work_order_steps, one row per event). Event time only; `work-order-changed` pushes go to everyone on a desk.
/// </summary>
public sealed class WorkOrderListProjection : IProjection
{
    public const string Orders = "work_orders";
    public const string Steps = "work_order_steps";

    public string Name => "work-orders";
    public EventFilter Filter { get; } = EventFilter.Streams(WorkOrderStream.Prefix);

    const string Ddl = """
        create table if not exists work_orders (
          id text primary key, serial text not null, type text not null, customer_id text not null, customer_name text not null,
          area text not null, service_type text not null, call_id text, description text not null,
          dispatched_at timestamptz not null, dispatched_by text not null, status text not null, current_step text not null,
          technician text, team text, updated_at timestamptz not null, revision bigint not null);
        create index if not exists work_orders_dispatched on work_orders (dispatched_at desc, serial desc);
        create index if not exists work_orders_call on work_orders (call_id);
        create table if not exists work_order_steps (
          work_order_id text not null, revision bigint not null, step text not null, at timestamptz not null, by text,
          technician text, team text, result text, note text, reason text, primary key (work_order_id, revision));
        """;

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var complete = await AgentStateProjection.TableExistsAsync(db, Orders, ct) && await AgentStateProjection.TableExistsAsync(db, Steps, ct);
        if (!complete) await db.Database.ExecuteSqlRawAsync($"drop table if exists {Orders}; drop table if exists {Steps};", ct);
        await db.Database.ExecuteSqlRawAsync(Ddl, ct);
        return !complete;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var changed = new List<(string Id, DateTimeOffset Recorded)>();
        foreach (var recorded in batch)
        {
            if (WorkOrderStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            await (e is WorkOrderDispatched d ? InsertAsync(connection, d, recorded.StreamRevision, ct) : UpdateAsync(connection, e, recorded.StreamRevision, ct));
            await StepAsync(connection, e, recorded.StreamRevision, ct);
            changed.Add((e.WorkOrderId, recorded.Created));
        }
        return changed;
    }

    static Task InsertAsync(NpgsqlConnection c, WorkOrderDispatched e, long revision, CancellationToken ct) => Sql.ExecAsync(c, """
        insert into work_orders (id, serial, type, customer_id, customer_name, area, service_type, call_id, description, dispatched_at,
          dispatched_by, status, current_step, updated_at, revision)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'inProgress', 'dispatched', $10, $12) on conflict (id) do nothing
        """, ct, e.WorkOrderId, e.Serial, e.Type, e.CustomerId, e.CustomerName, e.Area, e.ServiceType, e.CallId, e.Description,
        e.At.ToUniversalTime(), e.DispatchedBy, revision);

    static Task UpdateAsync(NpgsqlConnection c, WorkOrderEvent e, long revision, CancellationToken ct)
    {
        var (status, step) = WorkOrderProgress.After(e);
        var (technician, team, assigned) = e switch
        {
            WorkOrderAssigned a => (a.Technician, a.Team, true),
            WorkOrderReassigned r => (r.Technician, r.Team, true),
            _ => (null, null, false),
        };
        return Sql.ExecAsync(c, """
            update work_orders set status = $2, current_step = $3, updated_at = $4, revision = $5,
              technician = case when $6 then $7 else technician end, team = case when $6 then $8 else team end
            where id = $1
            """, ct, e.WorkOrderId, status, step, e.At.ToUniversalTime(), revision, assigned, technician, team);
    }

    static Task StepAsync(NpgsqlConnection c, WorkOrderEvent e, long revision, CancellationToken ct)
    {
        var (_, step) = WorkOrderProgress.After(e);
        var (by, technician, team, result, note, reason) = e switch
        {
            WorkOrderDispatched d => (d.DispatchedBy, null, null, null, d.Description, null),
            WorkOrderAssigned a => (a.By, a.Technician, a.Team, null, null, null),
            WorkOrderReassigned r => (r.By, r.Technician, r.Team, null, null, r.Reason),
            WorkOrderAccepted a => (a.By, null, null, null, null, null),
            WorkOrderArrivedOnSite a => (a.By, null, null, null, null, null),
            WorkOrderCompleted x => (x.By, null, null, x.Result, x.Note, null),
            WorkOrderClosed x => (x.By, null, null, null, null, (string?)null),
            _ => ((string?)null, (string?)null, (string?)null, (string?)null, (string?)null, (string?)null),
        };
        if (e is WorkOrderReassigned) step = "reassigned";
        return Sql.ExecAsync(c, """
            insert into work_order_steps (work_order_id, revision, step, at, by, technician, team, result, note, reason)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing
            """, ct, e.WorkOrderId, revision, step, e.At.ToUniversalTime(), by, technician, team, result, note, reason);
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not List<(string Id, DateTimeOffset Recorded)> { Count: > 0 } changed) return Task.CompletedTask;
        var push = services.GetRequiredService<Infrastructure.Realtime.DesktopPush>();
        return push.WorkOrdersChangedAsync(changed.Where(c => push.IsFresh(c.Recorded)).Select(c => c.Id).Distinct().ToList(), ct);
    }
}
