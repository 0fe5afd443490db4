using System.Globalization;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Projections;

namespace CallCenter.Audit;

/// <summary>R-USE-3: the audit replay of an agent's day (auditors, supervisors, admins).</summary>
public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection s)
    {
        s.AddSingleton<IProjection, AgentDayIndex>();
        s.AddSingleton<AgentDayReader>();
        s.AddSingleton<AgentDayReplay>();
        s.ConfigureSwaggerGen(o => o.MapType<RawJson>(() => new Microsoft.OpenApi.OpenApiSchema { Description = "The event's data, JSON as stored." }));
        return s;
    }

    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/agents/{agentId}/days/{day}", async (string agentId, string day, AgentDayReplay replay, CancellationToken ct) =>
            DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? Results.Ok(await replay.ReplayAsync(agentId, d, ct))
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["A center day as yyyy-MM-dd."] }))
            .WithTags("Audit").RequireAuthorization(Policies.Audit)
            .Produces<AgentDayReport>()
            .WithSummary("The agent's center day (UTC+8) replayed from the event store: every event with its actor, the states " +
                         "with start, end and duration (clipped to the day), totals per state and reason, and the calls handled.");
}
