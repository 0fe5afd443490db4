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
        app.MapGet("/api/audit/agents/{agentId}/days/{day}", async (string agentId, string day, AgentDayReplay replay, CurrentUser me, UserDirectory users, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["day"] = ["A center day as yyyy-MM-dd."] });
                // Auditors and admins replay anyone; a supervisor the agents of their own teams (R-ROLE-2).
                if (!await me.MaySeeAgentAsync(agentId, ct) && await users.FindAsync(agentId, ct) is not null) // no such user: 404 below
                    throw new CallCenter.Infrastructure.EventSourcing.ForbiddenException($"'{me.Id}' may not replay agent '{agentId}' (not in a team they supervise).");
                return Results.Ok(await replay.ReplayAsync(agentId, d, ct));
            })
            .WithTags("Audit").RequireAuthorization(Policies.Audit)
            .Produces<AgentDayReport>()
            .WithSummary("The agent's center day (UTC+8) replayed from the event store: every event with its actor, the states " +
                         "with start, end and duration (clipped to the day), totals per state and reason, and the calls handled.");
}
