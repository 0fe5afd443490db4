using CallCenter.Alarms.History;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Alarms.Counting;

/// <summary>
/// The window slides with time even when no call is tagged: every few seconds each raised alarm reconsiders, and the
/// level changes whose time has come (tag time + window, decided by the calls alone) are announced with that time.
/// </summary>
public sealed class AlarmClock(IServiceScopeFactory scopes, AlarmAreaWriter writer, TimeProvider clock, ILogger<AlarmClock> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
                var active = await new AlarmQueries(await Sql.ConnectionAsync(db, stop)).ActiveAsync(clock.GetUtcNow(), stop);
                foreach (var alarm in active)
                    await writer.ApplyAsync(alarm.Area, [new Reconcile()], new EventMetadata("system", EventMetadata.Sources.System, Guid.NewGuid()), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception ex) { log.LogDebug(ex, "Alarm clock tick failed (read model not ready?)"); }
        }
    }
}
