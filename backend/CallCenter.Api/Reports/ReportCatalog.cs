using CallCenter.Infrastructure.Auth;

namespace CallCenter.Reports;

/// <summary>How the SPA shows one column: text, count, percent (0..1), seconds, number, datetime, date.</summary>
public sealed record ReportColumn(string Key, string Kind);

/// <summary>
/// What the SPA needs to show any report without knowing it: its path under /api/reports, the groupings and
/// filters it accepts (query parameters), its columns and a chart (bar | line | pie) of some columns against one.
/// Each report registers one with <c>services.AddSingleton(new ReportDefinition(...))</c>; titles and column
/// labels are translated in the SPA (reports.{name}.title, reports.columns.{key}).
/// Choices: the filters whose values are a closed set (the SPA offers them in a list; the first is the default).
/// </summary>
public sealed record ReportDefinition(
    string Name, string Category, string[] GroupBy, string[] Filters, ReportColumn[] Columns,
    string Chart, string ChartX, string[] ChartSeries, IReadOnlyDictionary<string, string[]>? Choices = null);

public static class ReportCatalog
{
    public static void MapReportCatalog(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports", (IEnumerable<ReportDefinition> reports) => TypedResults.Ok(reports.OrderBy(r => r.Category).ThenBy(r => r.Name).ToList()))
            .WithTags("Reports").RequireAuthorization(Policies.Analyze)
            .WithSummary("Every report: its path /api/reports/{name}, groupings, filters, columns and chart. Each report answers format=xlsx too.");
}

public static class ReportEndpoint
{
    /// <summary>
    /// GET /api/reports/{name}?from&amp;to&amp;groupBy&amp;format for a report of the given definition: the range and grouping are
    /// validated (400 naming the field), analysts, supervisors and admins may read it, JSON or a real .xlsx.
    /// </summary>
    public static RouteHandlerBuilder MapGroupedReport<TRow>(this IEndpointRouteBuilder app, ReportDefinition report,
        Func<Infrastructure.Persistence.ReadModelDb, ReportRange, string, CancellationToken, Task<List<TRow>>> query) =>
        app.MapGet("/api/reports/" + report.Name, async (string? from, string? to, string? groupBy, string? format,
                    Infrastructure.Persistence.ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
                ReportOutput.Rows(await query(db, ReportRange.Parse(from, to, center), ReportGrouping.Parse(groupBy, report.GroupBy), ct), format, report.Name))
            .RequireAuthorization(Policies.Analyze).WithTags("Reports");
}
