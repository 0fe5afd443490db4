using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Agents.Breaks;

/// <summary>Breaks with approval (R-STATE-3): request, list, approve, deny, cancel.</summary>
public static class BreakEndpoints
{
    public static IServiceCollection AddBreaks(this IServiceCollection s)
    {
        s.AddScoped<BreakDesk>();
        s.AddSingleton<CallCenter.Infrastructure.Projections.IProjection, BreakFollower>();
        return s;
    }

    public static void MapBreaks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agents/{agentId}/break-requests", async Task<Created<BreakRequestDto>> (string agentId, [FromBody] BreakRequestBody? body, BreakDesk desk, CancellationToken ct) =>
            {
                var r = await desk.RequestAsync(agentId, body?.ReasonCode, ct);
                return TypedResults.Created($"/api/break-requests/{r.Id}", r);
            })
            .WithTags("Agents").RequireAuthorization(Policies.Desk).IdempotentCreate()
            .WithSummary("Ask for a break with a not-ready reason (R-STATE-3): pending when the reason needs approval or the team's maximum away is reached, else approved at once. From a call or after-call work the break begins when the wrap-up ends.");

        var g = app.MapGroup("/api/break-requests").WithTags("Agents").RequireAuthorization(Policies.Desk);
        g.MapGet("/", async (string? state, BreakDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListAsync(state, ct)))
            .WithSummary("Break requests, newest first: an agent's own, a supervisor's teams', all for admins; optionally of one state (pending, approved, denied, cancelled, ended). Live: SignalR \"breakRequestChanged\".");
        g.MapPost("/{id}/approve", async (string id, BreakDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ApproveAsync(id, ct)))
            .RequireAuthorization(Policies.Supervise)
            .WithSummary("Approve a pending break (supervisor of the agent's team, or admin); 422 maxAway while the team's maximum away with that reason is reached.");
        g.MapPost("/{id}/deny", async (string id, BreakDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.DenyAsync(id, ct)))
            .RequireAuthorization(Policies.Supervise)
            .WithSummary("Deny a pending break (supervisor of the agent's team, or admin).");
        g.MapPost("/{id}/cancel", async (string id, BreakDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.CancelAsync(id, ct)))
            .WithSummary("Withdraw a pending break, or an approved one not yet begun (the agent, its supervisors, admins).");
    }
}
