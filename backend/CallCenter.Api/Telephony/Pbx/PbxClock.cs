using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Projections;

namespace CallCenter.Telephony.Pbx;

/// <summary>Drives the simulated PBX: ends calls a previous run left open, then ticks the ACD every quarter second.</summary>
public sealed class PbxClock(SimulatedPbx pbx, IEventStore store, ProjectionStatus status, ILogger<PbxClock> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try
        {
            await AgentsCaughtUpAsync(stop);
            await pbx.RecoverAsync(stop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Recovering open calls failed"); }
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try { await pbx.TickAsync(stop); }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "PBX tick failed"); }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    /// <summary>
    /// Which calls are on agents' desks comes from the calls-to-agents reactor: a previous run may have stopped before it
    /// gave agents the calls they answered. Recovery waits until it has caught up (at most a minute), or those agents
    /// would stay "talking" forever.
    /// </summary>
    async Task AgentsCaughtUpAsync(CancellationToken ct)
    {
        if (store is not IEventStoreStatistics stats) return;
        var reactor = new CallsToAgents(store);
        var deadline = DateTime.UtcNow + RecoveryWait;
        while (DateTime.UtcNow < deadline)
        {
            if (status.All.ContainsKey(reactor.Name) && (await stats.BacklogAsync(status.PositionOf(reactor.Name), reactor.Filter, 1, ct)).Events == 0) return;
            await Task.Delay(Period, ct);
        }
        log.LogWarning("Recovering open calls before {Reactor} caught up", reactor.Name);
    }
}

public static class PbxRegistration
{
    public static IServiceCollection AddSimulatedPbx(this IServiceCollection s)
    {
        s.AddSingleton<PbxAgents>();
        s.AddSingleton<IAcd, ConfiguredAcd>();
        s.AddSingleton<SimulatedPbx>();
        s.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SimulatedPbx>());
        s.AddSingleton<ISimulatedCallers>(sp => sp.GetRequiredService<SimulatedPbx>());
        s.AddHostedService<PbxClock>();
        return s;
    }
}
