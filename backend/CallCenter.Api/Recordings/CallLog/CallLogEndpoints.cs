using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Recordings.Listening;
using CallCenter.Reports;

namespace CallCenter.Recordings.CallLog;

/// <summary>The call log (seed 003, menu "通话记录"): an agent's own calls, a supervisor's team's, everyone's for QA and admins.</summary>
public static class CallLogEndpoints
{
    public static void MapCallLog(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/calls").WithTags("Call log").RequireAuthorization();
        g.MapGet("/", async (string? agentId, string? from, string? to, string? number, string? purpose, string? take, string? format,
                ListeningRights rights, ReadModelDb db, CancellationToken ct) =>
            {
                var filter = new CallFilter(QueryInput.Instant("from", from), QueryInput.Instant("to", to), QueryInput.Text("agentId", agentId),
                    QueryInput.Text("number", number, 32), Purpose: QueryInput.Text("purpose", purpose), Take: QueryInput.Between("take", take, 1, 5000) ?? 500);
                if (format is not (null or "" or "json" or "xlsx")) throw QueryInput.Invalid("format", "format must be json or xlsx.");
                var scope = await rights.HearingScopeAsync(ct);
                if (scope.None) throw new ForbiddenException("Your role has no call log.");
                var rows = await CallLogQueries.CallsAsync(await Sql.ConnectionAsync(db, ct), filter, scope, ct);
                return ReportOutput.Rows(rows, format, "call-log");
            })
            .WithSummary("Calls by agent, time (from inclusive, to exclusive, on the start), part of the number and purpose; newest first " +
                "(take 1–5000, default 500). format=xlsx for Excel. Agents see their own calls, supervisors their team's, QA and admins all.");
    }
}
