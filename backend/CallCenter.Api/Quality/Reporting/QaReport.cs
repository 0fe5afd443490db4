using CallCenter.Infrastructure.Persistence;
using CallCenter.Reports;
using static CallCenter.Reports.ReportGrouping;

namespace CallCenter.Quality.Reporting;

/// <summary>One row of the QA report: scored calls, their average score (2 places), how many failed and how many are disputed.</summary>
public sealed record QaScoreRow(string Key, int Reviews, double? Average, int Failed, int Disputed);

/// <summary>GET /api/reports/qa-scores: the current scores of reviewed calls by agent, team or form, in the range of their scoring time.</summary>
public static class QaReport
{
    public const string Name = "qa-scores";
    public const string Team = "team";
    public const string Form = "form";
    static readonly string[] Groupings = [Agent, Team, Form];

    public static readonly ReportDefinition Definition = new(Name, "quality", Groupings, [],
        [new("key", "text"), new("reviews", "count"), new("average", "number"), new("failed", "count"), new("disputed", "count")],
        "bar", "key", ["average"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGroupedReport(Definition, QueryAsync)
            .WithSummary("QA scores by agent, team or form: scored calls (each call's current score), average score 0–100, failed (a failing item got 0), disputed.")
            .WithDescription("Range by the time of the current score (event time). A score disputed and not yet scored again counts as disputed. docs/quality.md.");

    public static async Task<List<QaScoreRow>> QueryAsync(ReadModelDb db, ReportRange range, string groupBy, CancellationToken ct)
    {
        var key = groupBy switch { Agent => KeySql("agent_id"), Team => KeySql("team"), _ => KeySql("form_name") };
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), $"""
            select {key}, count(*)::int, round(avg(score)::numeric, 2)::float8, (count(*) filter (where failed))::int,
                   (count(*) filter (where disputed_at is not null))::int
            from qa_reviews where scored_at >= $1 and scored_at < $2 group by 1 order by {key} collate "C"
            """, r => new QaScoreRow(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetDouble(2), r.GetInt32(3), r.GetInt32(4)),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime());
    }
}
