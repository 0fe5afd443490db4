using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Http;
using Mediator;

namespace CallCenter.Agents.PhoneSettings;

/// <summary>The agent's phone settings: active skill groups, auto-answer, call forwarding.</summary>
public static class PhoneSettingsEndpoints
{
    public static void MapPhoneSettings(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/agents/{agentId}").WithTags("Agents").RequireAuthorization(Policies.Desk);
        g.MapPost("/skill-groups", (string agentId, SkillGroupsBody body, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
                AgentEndpoints.Send(m, http, new ChangeSkillGroups(agentId, body.SkillGroups, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Change the active skill groups, primary first (R-PHONE-12).");
        g.MapPut("/auto-answer", (string agentId, AutoAnswerBody body, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
                AgentEndpoints.Send(m, http, new SetAutoAnswer(agentId, body.On, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Auto-answer mode on or off (R-PHONE-2).");
        g.MapPut("/forwarding", (string agentId, ForwardingBody body, HttpContext http, IMediator m, TimeProvider clock, CancellationToken ct) =>
                AgentEndpoints.Send(m, http, new SetForwarding(agentId, body.Mode, body.Number, body.NoAnswerSeconds, body.From, body.To, Etag.IfMatch(http), clock.GetUtcNow()), ct))
            .WithSummary("Call forwarding: off, unconditional, noAnswer (noAnswerSeconds), busy, timeWindow (from, to) (R-PHONE-13).");
    }
}
