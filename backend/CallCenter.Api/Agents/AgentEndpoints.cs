using CallCenter.Agents.CurrentStates;
using CallCenter.Agents.GoingNotReady;
using CallCenter.Agents.GoingReady;
using CallCenter.Agents.SigningIn;
using CallCenter.Agents.SigningOut;
using CallCenter.Agents.WrappingUp;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Agents;

/// <summary>/api/agents: the agent's state controls (the softphone's sign-in/ready/not-ready) and state reads.</summary>
public static class AgentEndpoints
{
    public static void MapAgents(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization();

        g.MapGet("/", async (AgentStateQueries q, CurrentUser user, CancellationToken ct) =>
            {
                var visible = await user.VisibleAgentsAsync(ct); // a supervisor sees the agents of their own teams (R-ROLE-2)
                return (await q.AllAsync(ct)).Where(a => visible is null || visible.Contains(a.AgentId)).ToList();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.Analyst, Roles.Auditor))
            .WithSummary("Every agent's current state (real-time monitor); a supervisor gets the agents of their own teams.");

        g.MapGet("/{agentId}", async (string agentId, AgentStateQueries q, CurrentUser user, HttpContext http, CancellationToken ct) =>
        {
            if (!await user.MaySeeAgentAsync(agentId, ct)) throw new CallCenter.Infrastructure.EventSourcing.ForbiddenException($"'{user.Id}' may not see agent '{agentId}'.");
            var state = await q.OneAsync(agentId, ct);
            http.Response.Headers.ETag = Etag.Of(state.Revision);
            return TypedResults.Ok(state);
        }).WithSummary("One agent's state, since when, and current call. ETag = stream revision.");

        var commands = g.MapGroup("/{agentId}").RequireAuthorization(Policies.Desk);
        commands.MapPost("/sign-in", (string agentId, [FromBody] SignInBody? body, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
            Send(m, http, new SignIn(agentId, body?.Extension, body?.SkillGroups, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Sign in to the queues (R-PHONE-1). Body optional: extension, skill groups.");
        commands.MapPost("/sign-out", (string agentId, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
            Send(m, http, new SignOut(agentId, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Sign out of the queues (R-PHONE-1).");
        commands.MapPost("/ready", (string agentId, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
            Send(m, http, new GoReady(agentId, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Ready for calls (R-PHONE-2).");
        commands.MapPost("/not-ready", (string agentId, NotReadyBody body, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
            Send(m, http, new GoNotReady(agentId, body.ReasonCode, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Not ready with an admin-defined reason code (R-PHONE-2, R-STATE-2).");
        commands.MapPost("/wrap-up/start", (string agentId, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
            Send(m, http, new StartWrapUp(agentId, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Enter after-call work (R-PHONE-2).");
        commands.MapPost("/wrap-up/end", (string agentId, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
            Send(m, http, new EndWrapUp(agentId, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Leave after-call work; the agent is ready again (R-PHONE-2).");
    }

    internal static async Task<Ok<AgentStateDto>> Send(IMediator mediator, HttpContext http, IAgentCommand command, CancellationToken ct)
    {
        var state = await mediator.Send(command, ct);
        http.Response.Headers.ETag = Etag.Of(state.Revision);
        return TypedResults.Ok(state);
    }
}
