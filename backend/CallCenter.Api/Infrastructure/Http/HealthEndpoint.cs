using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Http;

public sealed record Health(string Status, bool EventStore, bool Database);

/// <summary>GET /health: 200 only when both the event store and PostgreSQL answer.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IEventStore store, ReadModelDb db, CancellationToken ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var eventStore = await Safe(() => store.PingAsync(timeout.Token));
            var database = await Safe(() => db.Database.CanConnectAsync(timeout.Token));
            var health = new Health(eventStore && database ? "healthy" : "unhealthy", eventStore, database);
            return eventStore && database ? Results.Ok(health) : Results.Json(health, statusCode: 503);
        }).AllowAnonymous().WithTags("Operations").Produces<Health>().Produces<Health>(StatusCodes.Status503ServiceUnavailable).WithSummary("200 when the event store and PostgreSQL answer, 503 otherwise.");

    static async Task<bool> Safe(Func<Task<bool>> check)
    {
        try { return await check(); } catch { return false; }
    }
}
