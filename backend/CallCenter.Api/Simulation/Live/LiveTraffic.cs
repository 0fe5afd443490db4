using CallCenter.Customers;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Simulation.Traffic;
using CallCenter.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Simulation.Live;

/// <summary>
/// The live demo (CALLCENTER_SIMULATOR not "off"): today's planned calls dial into the simulated PBX at real time ×
/// CALLCENTER_SIMULATOR_SPEED, and simulated agents (agent11…agent20) answer, talk, tag and go ready again, so a
/// new user sees a working center; agent1…agent10 are left for people.
/// </summary>
public sealed class LiveTraffic(AppOptions options, ISimulatedCallers callers, BotAgents bots, IServiceScopeFactory scopes,
    History.HistoryGenerator history, EventStore.IEventStore store, TimeProvider clock, CenterClock center, ILogger<LiveTraffic> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Simulator) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stop); // let projections catch up after start
            await SeedHistoryAsync(stop);
            await bots.StartAsync(stop);
            var runBots = bots.RunAsync(options.SimulatorSpeed, stop);
            await PlaceCallsAsync(stop);
            await runBots;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception ex) { log.LogError(ex, "Live traffic stopped"); }
    }

    async Task PlaceCallsAsync(CancellationToken stop)
    {
        var callerList = await CallersAsync(stop);
        var speed = options.SimulatorSpeed;
        var startReal = clock.GetUtcNow();
        var startVirtual = center.Local(startReal);
        var day = DateOnly.FromDateTime(startVirtual.DateTime);
        while (!stop.IsCancellationRequested)
        {
            var plan = TrafficModel.PlanDay(day, day.DayNumber, callerList, new TrafficOptions(options.SimulatorCallsPerDay, BurstDayShare: 0.5, Zone: center.Zone));
            foreach (var call in plan.Where(c => c.ArrivesAt >= startVirtual))
            {
                var due = startReal + (call.ArrivesAt - startVirtual) / speed;
                var wait = due - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
                try
                {
                    var id = await callers.CallInAsync(new InboundCall(call.Ani, call.Dnis, call.IvrTrail, null,
                        Math.Max(5, (int)(call.PatienceSeconds / speed)), call.SurveyScore), stop);
                    bots.Expect(id, call);
                }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "A simulated call failed"); }
            }
            day = day.AddDays(1);
            startVirtual = center.StartOf(day);
            startReal = clock.GetUtcNow();
        }
    }

    /// <summary>A fresh demo gets a week of history first, so pops show earlier calls and reports have data.</summary>
    async Task SeedHistoryAsync(CancellationToken ct)
    {
        await foreach (var _ in store.ReadAllAsync(null, EventStore.EventFilter.Streams("call-H"), 1, ct)) return;
        log.LogInformation("Generating a week of demo history…");
        var done = await history.RunAsync(new History.HistoryRequest(7, 1, 1000), ct);
        log.LogInformation("Demo history: {Events} events in {Days} days ({Rate:F0} events/s)", done.Events, done.DaysDone, done.EventsPerSecond);
    }

    async Task<List<Caller>> CallersAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        return await Caller.AllAsync(db, ct);
    }
}
