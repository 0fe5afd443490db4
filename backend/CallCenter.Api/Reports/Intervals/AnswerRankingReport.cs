using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.Intervals.IntervalQuery;

namespace CallCenter.Reports.Intervals;

public sealed record AnswerRankingRow(int Rank, string Key, long Answered, double TalkSeconds, double? AhtSeconds);

/// <summary>GET /api/reports/answer-ranking (R-RPT-4): agents by calls answered, most first (ties share a rank, then by agent id).</summary>
public static class AnswerRankingReport
{
    public const string Name = "answer-ranking";
    static readonly string[] Groupings = [Agent];
    static readonly string[] Filters = [SkillGroup, Area, Dnis];

    public static readonly ReportDefinition Definition = new(Name, "efficiency", Groupings, Filters,
        [new("rank", "count"), new("key", "text"), new("answered", "count"), new("talkSeconds", "seconds"), new("ahtSeconds", "seconds")],
        "bar", "key", ["answered"]);

    public static List<AnswerRankingRow> Rank(IEnumerable<IntervalTotals> totals)
    {
        var agents = totals.Where(t => t.Handled > 0 && t.Key != ReportGrouping.Unknown)
            .OrderByDescending(t => t.Handled).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        return [.. agents.Select(t => new AnswerRankingRow(1 + agents.Count(o => o.Handled > t.Handled), t.Key, t.Handled, t.TalkSeconds, t.AhtSeconds))];
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/" + Name, async (string? from, string? to, string? groupBy, string? skillGroup, string? area, string? dnis,
                string? format, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CurrentUser me, CancellationToken ct) =>
            {
                var range = ReportRange.Parse(from, to, center);
                var grouping = ReportGrouping.Parse(groupBy, Groupings);
                var visible = await ReportAgents.VisibleAsync(me, null, ct);
                var rows = await TotalsAsync(db, range, grouping, IntervalFilters.From(skillGroup, null, area, dnis), ct);
                return ReportOutput.Rows(Rank(ReportAgents.Only(rows, visible, t => t.Key)), format, Name); // a supervisor ranks their teams' agents
            })
            .RequireAuthorization(Policies.Analyze).WithTags("Reports")
            .WithSummary("Answer ranking (R-RPT-4): agents ranked by the calls they answered (supervisors: their teams' agents, ranked among themselves).");
}
