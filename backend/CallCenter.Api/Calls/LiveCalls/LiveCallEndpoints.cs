using System.Text.Json;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Calls.LiveCalls;

public static class LiveCallEndpoints
{
    public static void MapLiveCalls(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agents/{agentId}/calls", async (string agentId, CurrentUser user, ReadModelDb db, CancellationToken ct) =>
            {
                await user.EnsureMayActForAsync(agentId, ct);
                var rows = await db.Database.SqlQuery<string>($"select data::text as \"Value\" from live_calls where agents @> array[{agentId}]").ToListAsync(ct);
                return TypedResults.Ok(rows.Select(r => JsonSerializer.Deserialize<LiveCall>(r, Json.Options)!)
                    .Select(c => user.CanSupervise ? c : c.ForAgents()).OrderBy(c => c.StartedAt).ToList());
            })
            .WithTags("Softphone").RequireAuthorization()
            .WithSummary("The agent's calls in progress: who is on each and ringing / talking / held, muted (live: SignalR callChanged).");
        app.MapRingingCalls();
    }
}
