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
                    return pg.SqlState.StartsWith("08") || pg.SqlState.StartsWith("57P") || pg.SqlState is "53300" or "53000" or "40001" or "40P01"
                        // "database … is not currently accepting connections" (maintenance, a restore): refused at connect, FATAL
                        || (pg.SqlState == "55000" && pg.InvariantSeverity == "FATAL");
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

    DateTimeOffset lastProbe;
    int probing;

    /// <summary>
    /// A request went through while an outage is on: if the store and the database answer a probe, the outage is over.
    /// A request that needs neither (a static file, a 401) does not end it by itself, so the log does not flap: one
    /// probe at a time, at most one a second.
    /// </summary>
    public async Task ConfirmRecoveryAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!Down || clock.GetUtcNow() - lastProbe < TimeSpan.FromSeconds(1) || Interlocked.Exchange(ref probing, 1) == 1) return;
        try
        {
            lastProbe = clock.GetUtcNow();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using (var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(timeout.Token))
            await using (var ping = new NpgsqlCommand("select 1", connection))
                await ping.ExecuteScalarAsync(timeout.Token);
            if (await services.GetRequiredService<CallCenter.EventStore.IEventStore>().PingAsync(timeout.Token)) Succeeded();
        }
        catch (Exception ex) when (IsOutage(ex) || ex is OperationCanceledException) { } // still down
        finally { Volatile.Write(ref probing, 0); }
    }

    /// <summary>Ends an outage on the first request that did not fail with one, once a probe confirms it.</summary>
    public static IApplicationBuilder UseOutageTracking(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var outages = http.RequestServices.GetRequiredService<Outages>();
        await next(http);
        if (outages.Down && http.Response.StatusCode < 500) _ = outages.ConfirmRecoveryAsync(app.ApplicationServices, CancellationToken.None); // not on the request's time
    });
}
