using CallCenter.Calls.ScreenPops;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.ReportGrouping;

namespace CallCenter.Reports.OneTimeFix;

/// <summary>One row of the one-time-fix report: rate = fixed / (fixed + repeated), null when both are 0 (pending calls are not counted).</summary>
public sealed record OneTimeFixRow(string Key, int Tagged, int Fixed, int Repeated, int Pending, double? Rate);

/// <summary>GET /api/reports/one-time-fix-rate (R-RPT-1): tagged calls by the day they ended (center time), agent, skill group or area.</summary>
public static class OneTimeFixReport
{
    public const string Name = "one-time-fix-rate";
    static readonly string[] Groupings = [Day, Agent, SkillGroup, Area];

    public static readonly ReportDefinition Definition = new(Name, "quality", Groupings, [],
        [new("key", "text"), new("tagged", "count"), new("fixed", "count"), new("repeated", "count"), new("pending", "count"), new("rate", "percent")],
        "bar", "key", ["fixed", "repeated", "pending"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGroupedReport(Definition, QueryAsync)
            .WithSummary("One-time-fix rate (R-RPT-1): calls tagged online troubleshooting whose caller did not call again within 2 hours of the end.")
            .WithDescription("Range by the tagged call's end. rate = fixed / (fixed + repeated), null when 0; pending calls' 2 hours are not over yet (event time). docs/kpis.md.");

    public static async Task<List<OneTimeFixRow>> QueryAsync(ReadModelDb db, ReportRange range, string groupBy, CancellationToken ct)
    {
        var key = groupBy switch { Day => CenterDaySql("ended_at", range.Zone), Agent => KeySql("agent_id"), SkillGroup => KeySql("skill_group"), _ => KeySql("area") };
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), $"""
            select {key}, count(*)::int, (count(*) filter (where outcome = 'fixed'))::int, (count(*) filter (where outcome = 'repeated'))::int,
                (count(*) filter (where outcome = 'pending'))::int
            from one_time_fix_outcomes where ended_at >= $1 and ended_at < $2 group by 1 order by {key} collate "C"
            """, r => new OneTimeFixRow(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), Share(r.GetInt32(2), r.GetInt32(2) + r.GetInt32(3))),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime());
    }
}
