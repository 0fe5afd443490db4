using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Recordings;

namespace CallCenter.Quality.Reviews;

/// <summary>The review queue and scores (QA and admins all; supervisors their teams' agents) and the agent's own scores on the desktop.</summary>
public static class ReviewEndpoints
{
    static readonly string[] Statuses = ["sampled", "scored", "disputed"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/qa").WithTags("Quality");
        g.MapGet("/reviews", async (string? agentId, string? status, string? take, ReadModelDb db, CurrentUser user, CancellationToken ct) =>
            {
                var agent = QueryInput.Text("agentId", agentId);
                var state = QueryInput.Text("status", status);
                if (state is not null && !Statuses.Contains(state))
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("status", "status: sampled, scored or disputed.")]);
                var n = QueryInput.Between("take", take, 1, 1000) ?? 200;
                var agents = user.IsInRole(Roles.Qa) ? null : await user.VisibleAgentsAsync(ct);
                return TypedResults.Ok(await QaQueries.ReviewsAsync(await Sql.ConnectionAsync(db, ct), agents, agent, state, n, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Qa, Roles.Admin, Roles.Supervisor))
            .WithSummary("Reviewed calls, newest first: sampled (waiting for a score), scored or disputed (status), optionally of one agent (take 1–1000, " +
                "default 200). QA and admins see all, supervisors their teams' agents.");
        g.MapGet("/my-reviews", async (ReadModelDb db, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok((await QaQueries.ReviewsAsync(await Sql.ConnectionAsync(db, ct), null, user.Id, null, 200, ct))
                    .Where(r => r.Status != "sampled").ToList()))
            .RequireAuthorization(Policies.Desk)
            .WithSummary("The signed-in agent's scored calls (score, items, comments at moments of the recording, dispute), newest first.");
    }
}
