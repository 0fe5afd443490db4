using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Http;

/// <param name="Faulted">Projections stopped at an event that failed (GET /api/projections has the event and the error).</param>
public sealed record Health(string Status, bool EventStore, bool Database, IReadOnlyList<string> Faulted);

/// <summary>GET /health: 200 only when both the event store and PostgreSQL answer and no projection is faulted (then "degraded", 503).</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IEventStore store, ReadModelDb db, Projections.Faults.ProjectionFaults faults, CancellationToken ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var eventStore = await Safe(() => store.PingAsync(timeout.Token));
            var database = await Safe(() => db.Database.CanConnectAsync(timeout.Token));
            var faulted = faults.All.Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
            var health = new Health(!(eventStore && database) ? "unhealthy" : faulted.Count > 0 ? "degraded" : "healthy", eventStore, database, faulted);
            return health.Status == "healthy" ? Results.Ok(health) : Results.Json(health, statusCode: 503);
        }).AllowAnonymous().WithTags("Operations").Produces<Health>().Produces<Health>(StatusCodes.Status503ServiceUnavailable)
        .WithSummary("200 when the event store and PostgreSQL answer and no projection is faulted; 503 otherwise (unhealthy, or degraded with the faulted projections).");

    static async Task<bool> Safe(Func<Task<bool>> check)
    {
        try { return await check(); } catch { return false; }
    }
}
