using CallCenter.Calls.ScreenPops;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.ReportGrouping;

namespace CallCenter.Reports.Satisfaction;

/// <summary>One row of the satisfaction report: completed surveys, their average score (2 places) and how many gave each score 1–5.</summary>
public sealed record SatisfactionRow(string Key, int Surveys, double? Average, int Score1, int Score2, int Score3, int Score4, int Score5);

/// <summary>GET /api/reports/satisfaction (R-RPT-4, R-ACD-6): post-call survey scores by survey day (center time), agent or skill group.</summary>
public static class SatisfactionReport
{
    public const string Name = "satisfaction";
    static readonly string[] Groupings = [Day, Agent, SkillGroup];

    public static readonly ReportDefinition Definition = new(Name, "quality", Groupings, [],
        [new("key", "text"), new("surveys", "count"), new("average", "number"),
         new("score1", "count"), new("score2", "count"), new("score3", "count"), new("score4", "count"), new("score5", "count")],
        "bar", "key", ["score1", "score2", "score3", "score4", "score5"]);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGroupedReport(Definition, QueryAsync)
            .WithSummary("Satisfaction (R-RPT-4): SurveyCompleted scores 1–5 — count, average and distribution.")
            .WithDescription("Range by the survey's time. Agent: the survey's agent (else who answered). One survey per call: the latest. docs/kpis.md.");

    public static async Task<List<SatisfactionRow>> QueryAsync(ReadModelDb db, ReportRange range, string groupBy, CancellationToken ct)
    {
        var key = groupBy switch { Day => CenterDaySql("survey_at", range.Zone), Agent => KeySql("coalesce(survey_agent, answered_by)"), _ => KeySql("queue") };
        return await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), $"""
            select {key}, count(*)::int, round(avg(survey_score), 2)::float8,
                {string.Join(", ", Enumerable.Range(1, 5).Select(s => $"(count(*) filter (where survey_score = {s}))::int"))}
            from call_report_facts where survey_score is not null and survey_at >= $1 and survey_at < $2 group by 1 order by {key} collate "C"
            """, r => new SatisfactionRow(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetDouble(2),
                r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7)),
            ct, range.From.ToUniversalTime(), range.To.ToUniversalTime());
    }
}
