using System.Text.Json;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Calls.LiveCalls;

/// <summary>A call ringing at a colleague's extension, as the pick-up list shows it (R-PHONE-3).</summary>
public sealed record RingingCall(string CallId, string Kind, string? Ani, string? Queue, string AgentId, DateTimeOffset Since);

/// <summary>GET /api/calls/ringing: calls ringing at other extensions now, oldest first, so an agent picks one from a list.</summary>
public static class RingingCalls
{
    public static void MapRingingCalls(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calls/ringing", async (CurrentUser user, ReadModelDb db, CancellationToken ct) =>
            {
                var rows = await db.Database.SqlQuery<string>($"select data::text as \"Value\" from live_calls").ToListAsync(ct);
                var ringing = rows.Select(r => JsonSerializer.Deserialize<LiveCall>(r, Json.Options)!)
                    .Where(c => !c.Ended)
                    .SelectMany(c => c.Parties.Where(p => p.State == LiveCall.States.Ringing && p.AgentId != user.Id)
                        .Select(p => new RingingCall(c.CallId, c.Kind, c.Ani, c.Queue, p.AgentId, p.Since)))
                    .OrderBy(c => c.Since).ToList();
                return TypedResults.Ok(ringing);
            })
            .WithTags("Softphone").RequireAuthorization(Policies.Desk)
            .WithSummary("Calls ringing at other extensions now (pick-up, R-PHONE-3): call id, kind, caller, queue, the ringing agent, since when.");
}
