namespace CallCenter.Telephony.Pbx;

/// <summary>Drives the simulated PBX: ends calls a previous run left open, then ticks the ACD every quarter second.</summary>
public sealed class PbxClock(SimulatedPbx pbx, ILogger<PbxClock> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try { await pbx.RecoverAsync(stop); }
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
