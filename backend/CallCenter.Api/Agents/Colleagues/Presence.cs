using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;

namespace CallCenter.Agents.Colleagues;

/// <summary>What an agent may know of a colleague: name, state and extension — nothing else (for transfers, consults, help).</summary>
public sealed record ColleaguePresence(string AgentId, string Name, string State, string? Extension);

/// <summary>GET /api/agents/presence: every agent's presence, for any desk user (the full states stay supervisor-only).</summary>
public static class Presence
{
    public static void MapPresence(this RouteGroupBuilder agents) =>
        agents.MapGet("/presence", async (AgentStateQueries q, CancellationToken ct) =>
                TypedResults.Ok((await q.AllAsync(ct)).Select(a => new ColleaguePresence(a.AgentId, a.Name, a.State, a.Extension)).ToList()))
            .RequireAuthorization(Policies.Desk)
            .WithSummary("Colleagues' presence for the transfer / consult / help picker: agent id, name, state and extension only.");
}
