using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using static CallCenter.Reports.Intervals.IntervalQuery;

namespace CallCenter.Reports.Intervals;

public sealed record ServiceLevelRow(string Key, long Offered, long Answered, long Abandoned, long AnsweredInSl,
    double? ServiceLevel, double? AsaSeconds, double? AhtSeconds, double? AbandonRate, double? Occupancy,
    double? AsaAllSeconds, double? MedianTalkSeconds, double? P90TalkSeconds);

/// <summary>GET /api/reports/service-level (R-RPT-5): service level, ASA, AHT, abandonment rate and occupancy (docs/kpis.md).</summary>
public static class ServiceLevelReport
{
    public const string Name = "service-level";
    static readonly string[] Groupings = [Day, Interval, Hour, Week, Month, Year, SkillGroup, Agent, Area, Dnis];
    static readonly string[] Filters = [SkillGroup, Agent, Area, Dnis, "slFormula"];

    public static readonly ReportDefinition Definition = new(Name, "kpi", Groupings, Filters,
        [new("key", "text"), new("offered", "count"), new("answered", "count"), new("abandoned", "count"), new("answeredInSl", "count"),
         new("serviceLevel", "percent"), new("asaSeconds", "seconds"), new("ahtSeconds", "seconds"), new("abandonRate", "percent"), new("occupancy", "percent"),
         new("asaAllSeconds", "seconds"), new("medianTalkSeconds", "seconds"), new("p90TalkSeconds", "seconds")],
        "line", "key", ["serviceLevel", "abandonRate", "occupancy"], new Dictionary<string, string[]> { ["slFormula"] = SlFormulas.All });

    /// <summary>serviceLevel by the chosen formula (<see cref="SlFormulas"/>); asaSeconds over queued answered calls, asaAllSeconds over all.</summary>
    public static ServiceLevelRow Row(IntervalTotals t, string slFormula = SlFormulas.AbandonedAfterT) =>
        new(t.Key, t.Offered, t.Answered, t.Abandoned, t.AnsweredInSl, t.ServiceLevelBy(slFormula), t.AsaSeconds, t.AhtSeconds, t.AbandonRate, t.Occupancy,
            t.AsaAllSeconds, t.MedianTalkSeconds, t.P90TalkSeconds);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/" + Name, async (string? from, string? to, string? groupBy, string? skillGroup, string? agent, string? area, string? dnis,
                string? format, string? slFormula, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
            {
                var formula = SlFormulas.Parse(slFormula);
                var rows = await TotalsAsync(db, ReportRange.Parse(from, to, center), ReportGrouping.Parse(groupBy, Groupings), IntervalFilters.From(skillGroup, agent, area, dnis), ct);
                return ReportOutput.Rows(rows.Select(t => Row(t, formula)).ToList(), format, Name);
            })
            .RequireAuthorization(Policies.Analyze).WithTags("Reports")
            .WithSummary("Service level, ASA, AHT, abandonment rate, occupancy (R-RPT-5) from the 15-minute interval read model.")
            .WithDescription("A call counts in the bucket of its first queue entry. Occupancy is null by area or dialed number. slFormula: " +
                             "abandonedAfterT (default: within T / (answered + abandoned after T)), answered, answeredAndAbandoned, abandonedAfterShort. docs/kpis.md.");
}
