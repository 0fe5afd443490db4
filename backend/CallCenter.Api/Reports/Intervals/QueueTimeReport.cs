using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.Intervals.IntervalQuery;

namespace CallCenter.Reports.Intervals;

public sealed record QueueTimeRow(string Key, long Offered, long Answered, long Abandoned, double? AvgWaitSeconds, double MaxWaitSeconds,
    double? AvgAnswerWaitSeconds, double MaxAnswerWaitSeconds, double? AvgAbandonWaitSeconds, double MaxAbandonWaitSeconds,
    double? MedianWaitSeconds, double? P90WaitSeconds);

/// <summary>GET /api/reports/queue-time (R-RPT-3): waits in queue of answered and abandoned calls.</summary>
public static class QueueTimeReport
{
    public const string Name = "queue-time";
    static readonly string[] Groupings = [SkillGroup, Day, Hour, Week, Month, Year];
    static readonly string[] Filters = [SkillGroup, Area, Dnis];

    public static readonly ReportDefinition Definition = new(Name, "queue", Groupings, Filters,
        [new("key", "text"), new("offered", "count"), new("answered", "count"), new("abandoned", "count"),
         new("avgWaitSeconds", "seconds"), new("maxWaitSeconds", "seconds"), new("avgAnswerWaitSeconds", "seconds"), new("maxAnswerWaitSeconds", "seconds"),
         new("avgAbandonWaitSeconds", "seconds"), new("maxAbandonWaitSeconds", "seconds"), new("medianWaitSeconds", "seconds"), new("p90WaitSeconds", "seconds")],
        "bar", "key", ["avgWaitSeconds", "avgAnswerWaitSeconds", "avgAbandonWaitSeconds"]);

    public static QueueTimeRow Row(IntervalTotals t) => new(t.Key, t.Offered, t.Answered, t.Abandoned, t.AvgWaitSeconds, t.MaxWaitSeconds,
        t.AsaSeconds, t.MaxAnswerWaitSeconds, t.AvgAbandonWaitSeconds, t.MaxAbandonWaitSeconds, t.MedianWaitSeconds, t.P90WaitSeconds);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/" + Name, async (string? from, string? to, string? groupBy, string? skillGroup, string? area, string? dnis,
                string? format, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
            {
                var rows = await TotalsAsync(db, ReportRange.Parse(from, to, center), ReportGrouping.Parse(groupBy, Groupings), IntervalFilters.From(skillGroup, null, area, dnis), ct);
                return ReportOutput.Rows(rows.Where(r => r.Offered > 0).Select(Row).ToList(), format, Name);
            })
            .RequireAuthorization(Policies.Analyze).WithTags("Reports")
            .WithSummary("Queue time (R-RPT-3): average and longest wait of queued calls, answered (until answer) and abandoned (until hang-up).")
            .WithDescription("Only calls that entered a queue; a wait runs from the first queue entry. docs/kpis.md.");
}
