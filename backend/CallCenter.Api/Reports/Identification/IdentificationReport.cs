using CallCenter.Calls.ScreenPops;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.ReportGrouping;

namespace CallCenter.Reports.Identification;

/// <summary>
/// One row of the identification report: inbound calls offered to an agent (they had a screen pop), how the pop matched the
/// caller's number (single / multiple / none customers), how many were tagged with a customer; rate = single / calls.
/// </summary>
public sealed record IdentificationRow(string Key, int Calls, int Single, int Multiple, int None, int TaggedWithCustomer, double? Rate);

/// <summary>GET /api/reports/customer-identification (R-RPT-2): the pop's automatic match, by arrival day (center time), agent or skill group.</summary>
public static class IdentificationReport
{
    public const string Name = "customer-identification";
    static readonly string[] Groupings = [Day, Agent, SkillGroup];

    public static readonly ReportDefinition Definition = new(Name, "quality", Groupings, [],
        [new("key", "text"), new("calls", "count"), new("single", "count"), new("multiple", "count"), new("none", "count"),
         new("taggedWithCustomer", "count"), new("rate", "percent")],
        "bar", "key", ["single", "multiple", "none"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGroupedReport(Definition, QueryAsync)
            .WithSummary("Customer identification rate (R-RPT-2): share of inbound calls whose screen pop matched exactly one customer.")
            .WithDescription("Calls = inbound calls offered to an agent, by arrival. rate = single / calls. taggedWithCustomer: the tag names a customer. docs/kpis.md.");

    public static async Task<List<IdentificationRow>> QueryAsync(ReadModelDb db, ReportRange range, string groupBy, CancellationToken ct)
    {
        var key = groupBy switch { Day => CenterDaySql("c.arrived_at", range.Zone), Agent => KeySql("coalesce(c.answered_by, p.agent_id)"), _ => KeySql("c.queue") };
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), $"""
            select {key}, count(*)::int, (count(*) filter (where p.pop->>'match' = 'single'))::int,
                (count(*) filter (where p.pop->>'match' = 'multiple'))::int, (count(*) filter (where p.pop->>'match' = 'none'))::int,
                (count(*) filter (where c.customer_id is not null))::int
            from call_report_facts c join screen_pops p on p.call_id = c.call_id
            where c.arrived_at >= $1 and c.arrived_at < $2 group by 1 order by {key} collate "C"
            """, r => new IdentificationRow(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), Share(r.GetInt32(2), r.GetInt32(1))),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime());
    }
}
