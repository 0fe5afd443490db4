using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.Intervals.IntervalQuery;

namespace CallCenter.Reports.Intervals;

public sealed record CallVolumeRow(string Key, long Arrived, long Offered, long Answered, long Abandoned);

/// <summary>GET /api/reports/call-volume (R-RPT-4): inbound calls by hour, day or month (center time).</summary>
public static class CallVolumeReport
{
    public const string Name = "call-volume";
    static readonly string[] Groupings = [Day, Hour, Week, Month, Year, Interval];
    static readonly string[] Filters = [SkillGroup, Area, Dnis];

    public static readonly ReportDefinition Definition = new(Name, "volume", Groupings, Filters,
        [new("key", "text"), new("arrived", "count"), new("offered", "count"), new("answered", "count"), new("abandoned", "count")],
        "bar", "key", ["answered", "abandoned"]);

    public static CallVolumeRow Row(IntervalTotals t) => new(t.Key, t.Arrived, t.Offered, t.Answered, t.Abandoned);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/" + Name, async (string? from, string? to, string? groupBy, string? skillGroup, string? area, string? dnis,
                string? format, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
            {
                var rows = await TotalsAsync(db, ReportRange.Parse(from, to, center), ReportGrouping.Parse(groupBy, Groupings), IntervalFilters.From(skillGroup, null, area, dnis), ct);
                return ReportOutput.Rows(rows.Select(Row).ToList(), format, Name);
            })
            .RequireAuthorization(Policies.Analyze).WithTags("Reports")
            .WithSummary("Call volume (R-RPT-4): arrived (every inbound call), offered (queued), answered, abandoned.")
            .WithDescription("By the bucket of the call's first queue entry (arrival when never queued). docs/kpis.md.");
}
