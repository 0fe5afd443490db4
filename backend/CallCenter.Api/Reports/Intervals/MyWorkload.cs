using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Reports.Intervals;

/// <summary>GET /api/me/workload (R-ME-2): the signed-in agent's own figures per center day, as JSON rows or .xlsx.</summary>
public static class MyWorkload
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me/workload", async (string? from, string? to, string? format, CurrentUser me, ReadModelDb db, CallCenter.Infrastructure.CenterClock center, CancellationToken ct) =>
            {
                var range = ReportRange.Parse(from, to, center);
                var rows = await IntervalQuery.TotalsAsync(db, range, IntervalQuery.Day, new IntervalFilters(Agent: me.Id), ct);
                return ReportOutput.Rows(rows.Select(EfficiencyRow.From).ToList(), format, "my-workload");
            })
            .RequireAuthorization(Policies.Desk).WithTags("Me")
            .WithSummary("My workload (R-ME-2): per day, the calls I answered, talk, hold, after-call work, AHT, my state times and occupancy.");
}
