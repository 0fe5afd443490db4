using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure;

namespace CallCenter.Telephony.Pbx;

/// <summary>Drives the simulated PBX: ends calls a previous run left open, then ticks the ACD every quarter second.</summary>
public sealed class PbxClock(SimulatedPbx pbx, IEventStore store, IEnumerable<IProjection> projections, ProjectionStatus status,
    CallCenter.Infrastructure.Http.Outages outages, ILogger<PbxClock> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Only the PBX that owns a call ends it: the simulated PBX (the telephony provider of this build; CALLCENTER_SIMULATOR=off
        // stops only its generated traffic) recovers its own calls (SIM- ids), never a call a PBX connector reported.
        var recovery = RecoverAsync(stop); // beside the ticks: it may wait for the read models
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try { await pbx.TickAsync(stop); }
                catch (Exception ex) when (CallCenter.Infrastructure.Http.Outages.IsOutage(ex)) { outages.Failed(ex); } // logged once per outage
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "PBX tick failed"); }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        await recovery;
    }

    /// <summary>
    /// Ends the simulated PBX's own calls (<see cref="SimulatedPbx.OwnsCall"/>) that the previous run left on agents' desks: no end,
    /// and nothing after this run's start (the store's head then). Calls reported by a PBX connector are never touched.
    /// </summary>
    async Task RecoverAsync(CancellationToken ct)
    {
        try
        {
            var head = store is IEventStoreStatistics stats ? await stats.HeadAsync(ct) : null;
            if (head is null && store is IEventStoreStatistics) return; // an empty store left nothing open
            await AgentsCaughtUpAsync(ct);
            await pbx.RecoverAsync(async (callId, token) =>
            {
                if (!SimulatedPbx.OwnsCall(callId)) return false;
                await foreach (var e in store.ReadStreamAsync(CallStream.StreamId(callId), ct: token))
                    if (e.Type == "CallEnded.v1" || (head is not null && e.Position > head.Position)) return false;
                return true;
            }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex) { log.LogWarning(ex, "Recovering open calls failed"); }
    }

    /// <summary>
    /// Which calls are on agents' desks comes from the calls-to-agents reactor (a previous run may have stopped before it
    /// gave agents the calls they answered or took them away) and is read from the agent-states read model. Recovery waits
    /// until both have caught up (at most a minute), or it would end calls that have ended, or leave agents "talking" forever.
    /// </summary>
    async Task AgentsCaughtUpAsync(CancellationToken ct)
    {
        if (store is not IEventStoreStatistics stats) return;
        var deadline = DateTime.UtcNow + RecoveryWait;
        foreach (var projection in projections.Where(p => p.Name is "calls-to-agents" or "agent-states").OrderBy(p => p is IReactor ? 0 : 1))
            while (!(status.All.ContainsKey(projection.Name) && (await stats.BacklogAsync(status.PositionOf(projection.Name), projection.Filter, 1, ct)).Events == 0))
            {
                if (DateTime.UtcNow > deadline) { log.LogWarning("Recovering open calls before {Projection} caught up", projection.Name); return; }
                await Task.Delay(Period, ct);
            }
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
        s.AddSingleton<ICallSupervision>(sp => sp.GetRequiredService<SimulatedPbx>());
        s.AddHostedService<PbxClock>();
        return s;
    }
}
