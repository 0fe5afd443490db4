using CallCenter.Customers;
using CallCenter.Infrastructure.Persistence;
using Npgsql;

namespace CallCenter.WorkOrders.Listing;

public sealed record WorkOrderSearch(string? Q, string? Status, string? Step, string? Area, string? Type, string? Technician, string? CallId,
    DateTimeOffset? From, DateTimeOffset? To, int Limit, int Offset);

public sealed record WorkOrderSummary(string Id, string Serial, string Type, string CustomerId, string CustomerName, string Area, string AreaName,
    string ServiceType, string? CallId, string Description, DateTimeOffset DispatchedAt, string DispatchedBy, string Status, string CurrentStep,
    string? Technician, string? TechnicianName, string? Team, string? TeamName, DateTimeOffset UpdatedAt, long Revision);

public sealed record WorkOrderPage(int Total, IReadOnlyList<WorkOrderSummary> Items);

public sealed record WorkOrderStepRow(long Revision, string Step, DateTimeOffset At, string? By, string? Technician, string? TechnicianName,
    string? Team, string? TeamName, string? Result, string? Note, string? Reason);

public sealed record WorkOrderDetail(WorkOrderSummary WorkOrder, IReadOnlyList<WorkOrderStepRow> Steps);

/// <summary>R-WO-3: who is where — each technician's open work order (the last one assigned to them) and its step.</summary>
public sealed record TechnicianWhereabouts(string Id, string Name, string Team, string TeamName, string Area, string AreaName,
    string? WorkOrderId, string? Serial, string? Step, string? CustomerName, DateTimeOffset? Since);

/// <summary>Reads the work-order read model (R-SVC-3 search, R-WO-3 monitoring).</summary>
public sealed class WorkOrderQueries(NpgsqlConnection connection)
{
    const string Columns = "id, serial, type, customer_id, customer_name, area, service_type, call_id, description, dispatched_at, dispatched_by, " +
                           "status, current_step, technician, team, updated_at, revision";

    public async Task<WorkOrderPage> SearchAsync(WorkOrderSearch s, CancellationToken ct)
    {
        const string where = """
            where ($1::text is null or serial ilike '%' || $1 || '%' or customer_name ilike '%' || $1 || '%' or customer_id = $1 or description ilike '%' || $1 || '%')
              and ($2::text is null or status = $2) and ($3::text is null or current_step = $3) and ($4::text is null or area = $4)
              and ($5::text is null or type = $5) and ($6::text is null or technician = $6 or team = $6) and ($7::text is null or call_id = $7)
              and ($8::timestamptz is null or dispatched_at >= $8) and ($9::timestamptz is null or dispatched_at < $9)
            """;
        object?[] args = [Blank(s.Q), Blank(s.Status), Blank(s.Step), Blank(s.Area), Blank(s.Type), Blank(s.Technician), Blank(s.CallId),
            s.From?.ToUniversalTime(), s.To?.ToUniversalTime()];
        var total = (await Sql.QueryAsync(connection, "select count(*)::int from work_orders " + where, r => r.GetInt32(0), ct, args))[0];
        var items = await Sql.QueryAsync(connection, $"select {Columns} from work_orders {where} order by dispatched_at desc, serial desc limit $10 offset $11",
            Summary, ct, [.. args, s.Limit, s.Offset]);
        return new WorkOrderPage(total, items);
    }

    /// <summary>The work order and its steps as of one snapshot (a step committing between the two reads would tear them).</summary>
    public async Task<WorkOrderDetail?> DetailAsync(string id, CancellationToken ct)
    {
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var order = (await Sql.QueryAsync(connection, $"select {Columns} from work_orders where id = $1", Summary, ct, id)).SingleOrDefault();
        if (order is null) return null;
        var steps = await Sql.QueryAsync(connection, """
            select revision, step, at, by, technician, team, result, note, reason from work_order_steps where work_order_id = $1 order by revision
            """, r => new WorkOrderStepRow(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), Sql.Text(r, 3),
                Sql.Text(r, 4), FieldTeams.FindTechnician(Sql.Text(r, 4))?.Name, Sql.Text(r, 5), FieldTeams.FindTeam(Sql.Text(r, 5))?.Name,
                Sql.Text(r, 6), Sql.Text(r, 7), Sql.Text(r, 8)), ct, id);
        return new WorkOrderDetail(order, steps);
    }

    public async Task<IReadOnlyList<TechnicianWhereabouts>> WhereaboutsAsync(CancellationToken ct)
    {
        var open = await Sql.QueryAsync(connection, """
            select distinct on (technician) technician, id, serial, current_step, customer_name, updated_at from work_orders
            where technician is not null and status = 'inProgress' order by technician, updated_at desc
            """, r => (Technician: r.GetString(0), Id: r.GetString(1), Serial: r.GetString(2), Step: r.GetString(3), Customer: r.GetString(4),
                Since: r.GetFieldValue<DateTimeOffset>(5)), ct);
        var byTechnician = open.ToDictionary(o => o.Technician);
        return FieldTeams.All.SelectMany(team => team.Technicians.Select(t =>
        {
            var o = byTechnician.GetValueOrDefault(t.Id);
            return new TechnicianWhereabouts(t.Id, t.Name, team.Id, team.Name, team.Area, BusinessAreas.NameOf(team.Area),
                o.Id, o.Serial, o.Step, o.Customer, o.Id is null ? null : o.Since);
        })).ToList();
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static WorkOrderSummary Summary(NpgsqlDataReader r)
    {
        var technician = Sql.Text(r, 13);
        var team = Sql.Text(r, 14);
        return new WorkOrderSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            BusinessAreas.NameOf(r.GetString(5)), r.GetString(6), Sql.Text(r, 7), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), r.GetString(10),
            r.GetString(11), r.GetString(12), technician, FieldTeams.FindTechnician(technician)?.Name, team, FieldTeams.FindTeam(team)?.Name,
            r.GetFieldValue<DateTimeOffset>(15), r.GetInt64(16));
    }
}
