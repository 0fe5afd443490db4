using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Supervisor.Thresholds;

/// <summary>R-SUP-6: GET|PUT /api/teams/{teamId}/thresholds — the team's supervisors and admins.</summary>
public static class ThresholdEndpoints
{
    public static IServiceCollection AddTeamThresholds(this IServiceCollection s) => s.AddHostedService<ThresholdWatch>();

    public static void MapTeamThresholds(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/teams/{teamId}/thresholds").WithTags("Supervisor").RequireAuthorization(Policies.Supervise);
        g.MapGet("/", async (string teamId, ReadModelDb db, CurrentUser user, TeamScope teams, CancellationToken ct) =>
            {
                await EnsureAsync(teamId, db, user, teams, ct);
                return TypedResults.Ok(await TeamThresholdStore.OfAsync(db, teamId, ct));
            })
            .WithSummary("The team's notification thresholds (seconds; null: not watched): talk, hold, after-call work, not ready, and calls waiting in its skill groups' queues.");
        g.MapPut("/", async (string teamId, [FromBody] TeamThresholds body, ReadModelDb db, CurrentUser user, TeamScope teams, CancellationToken ct) =>
            {
                await EnsureAsync(teamId, db, user, teams, ct);
                var errors = new List<ValidationFailure>();
                void Range(string field, int? v, int max) { if (v is { } x && (x < 1 || x > max)) errors.Add(new(field, $"{field}: 1 to {max}, or null.")); }
                Range("talkSeconds", body.TalkSeconds, 86_400);
                Range("holdSeconds", body.HoldSeconds, 86_400);
                Range("wrapUpSeconds", body.WrapUpSeconds, 86_400);
                Range("notReadySeconds", body.NotReadySeconds, 86_400);
                Range("waitingCalls", body.WaitingCalls, 10_000);
                if (errors.Count > 0) throw new ValidationException(errors);
                await TeamThresholdStore.SaveAsync(db, teamId, body, ct);
                return TypedResults.Ok(body);
            })
            .WithSummary("Set the team's thresholds (supervisor of the team, or admin): a crossed one notifies the team's supervisors live (supervisorNotification, kind threshold).");
    }

    static async Task EnsureAsync(string teamId, ReadModelDb db, CurrentUser user, TeamScope teams, CancellationToken ct)
    {
        if (!await db.Set<Users.TeamRow>().AnyAsync(t => t.Id == teamId, ct)) throw new NotFoundException($"There is no team '{teamId}'.");
        if (!user.IsAdmin && !(await teams.GetAsync(ct)).Supervises(user.Id, teamId))
            throw new ForbiddenException($"'{user.Id}' does not supervise team '{teamId}'.");
    }
}
