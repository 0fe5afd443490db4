using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Audit;

/// <summary>/api/audit (API.md "Audit"): auditors replay one agent's day from the event store (R-USE-3). Read-only.</summary>
public static class AuditEndpoints
{
    public static IServiceCollection AddAudit(this IServiceCollection s) =>
        s.AddSingleton<IProjection, AgentDayIndex>().AddSingleton<AgentDayReplay>();

    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/agents/{agentId}/days/{date}", async (string agentId, string date, AgentDayReplay replay, UserDirectory users,
                ReadModelDb db, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
                    throw new ValidationException([new ValidationFailure("date", "date must be yyyy-MM-dd (the center's day).")]);
                if (await users.FindAsync(agentId, ct) is null) throw new Infrastructure.EventSourcing.NotFoundException($"There is no agent '{agentId}'.");
                await db.Database.OpenConnectionAsync(ct);
                return TypedResults.Ok(await replay.ReplayAsync((NpgsqlConnection)db.Database.GetDbConnection(), agentId, day, ct));
            })
            .RequireAuthorization(Policies.Audit).WithTags("Audit")
            .WithSummary("One agent's day replayed from the event store: every event of the agent's stream that day in order (time, type, data, " +
                         "actor, source), the derived timeline of states with durations, totals per state, and the calls handled (from each call's stream).");
}
