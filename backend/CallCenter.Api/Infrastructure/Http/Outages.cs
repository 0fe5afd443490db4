using System.Net.Sockets;
using Npgsql;

namespace CallCenter.Infrastructure.Http;

/// <summary>
/// Tells an outage (the event store or PostgreSQL not answering) from a bug, and logs it once per outage:
/// the first failure is a warning with its cause, the following ones are counted, and the first success after
/// them logs the end with the count (decision 0020). Requests meanwhile are 503 with Retry-After.
/// </summary>
public sealed class Outages(ILogger<Outages> log, TimeProvider clock)
{
    public const int RetryAfterSeconds = 5;
    readonly Lock gate = new();
    DateTimeOffset? since;
    long failures;

    public bool Down { get { lock (gate) return since is not null; } }

    public void Failed(Exception ex)
    {
        lock (gate)
        {
            failures++;
            if (since is not null) return;
            since = clock.GetUtcNow();
        }
        log.LogWarning("Outage: the event store or the database does not answer ({Cause}: {Message}); answering 503 until it does",
            ex.GetType().Name, Root(ex).Message);
    }

    /// <summary>A request went through: ends the outage, if there was one.</summary>
    public void Succeeded()
    {
        DateTimeOffset? began;
        long count;
        lock (gate)
        {
            if (since is null) return;
            (began, count, since, failures) = (since, failures, null, 0);
        }
        log.LogWarning("Outage over after {Seconds:0.0} s; {Count} requests were answered 503", (clock.GetUtcNow() - began!.Value).TotalSeconds, count);
    }

    /// <summary>True when the failure is the store or database being unreachable, not the request's fault or a bug.</summary>
    public static bool IsOutage(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08") || pg.SqlState.StartsWith("57P") || pg.SqlState is "53300" or "53000" or "40001" or "40P01";
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
            if (e.GetType().FullName is "EventStore.Client.NotLeaderException" or "Grpc.Core.RpcException" or "EventStore.Client.DiscoveryException") return true;
        }
        return false;
    }

    public static PostgresException? Postgres(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is PostgresException pg) return pg;
        return null;
    }

    static Exception Root(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    /// <summary>Ends an outage on the first request that did not fail with one.</summary>
    public static IApplicationBuilder UseOutageTracking(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var outages = http.RequestServices.GetRequiredService<Outages>();
        await next(http);
        if (outages.Down && http.Response.StatusCode < 500) outages.Succeeded();
    });
}
