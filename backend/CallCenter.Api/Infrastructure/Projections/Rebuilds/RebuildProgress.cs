using System.Collections.Concurrent;
using System.Diagnostics;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>Where a rebuild is: the SignalR message <c>projectionProgress</c> and the <c>rebuild</c> part of GET /api/projections. Phase: building | switched | failed.</summary>
public sealed record RebuildState(string Name, int Version, string Phase, ulong? Position, long Processed, long? Total,
    double EventsPerSecond, double? EtaSeconds, DateTimeOffset StartedAt, string? Error);

/// <summary>Rebuilds running in this instance, pushed to the analysts' group at most twice a second (and at every phase change).</summary>
public sealed class RebuildProgress(IHubContext<DesktopHub> hub, TimeProvider clock, ILogger<RebuildProgress> log)
{
    public const string Message = "projectionProgress";
    static readonly TimeSpan PushEvery = TimeSpan.FromMilliseconds(500);

    sealed class Run(RebuildState state)
    {
        public RebuildState State = state;
        public readonly long Started = Stopwatch.GetTimestamp();
        public long LastPush;
    }

    readonly ConcurrentDictionary<string, Run> runs = new();

    public RebuildState? Of(string name) => runs.TryGetValue(name, out var run) ? run.State : null;

    public Task StartedAsync(string name, int version, ulong? position, long? total) =>
        PushAsync(runs[name] = new Run(new RebuildState(name, version, "building", position, 0, total, 0, null, clock.GetUtcNow(), null)), force: true);

    public Task AdvancedAsync(string name, ulong position, int events)
    {
        if (!runs.TryGetValue(name, out var run)) return Task.CompletedTask;
        var processed = run.State.Processed + events;
        var rate = processed / Math.Max(Stopwatch.GetElapsedTime(run.Started).TotalSeconds, 0.001);
        double? eta = run.State.Total is { } total ? Math.Max(total - processed, 0) / Math.Max(rate, 1) : null;
        run.State = run.State with { Position = position, Processed = processed, EventsPerSecond = Math.Round(rate, 1), EtaSeconds = eta is null ? null : Math.Round(eta.Value, 1) };
        return PushAsync(run, force: false);
    }

    public Task SwitchedAsync(string name) => EndAsync(name, s => s with { Phase = "switched", EtaSeconds = 0 });

    public Task FailedAsync(string name, string error) => EndAsync(name, s => s with { Phase = "failed", Error = error });

    Task EndAsync(string name, Func<RebuildState, RebuildState> end)
    {
        if (!runs.TryGetValue(name, out var run)) return Task.CompletedTask;
        run.State = end(run.State);
        return PushAsync(run, force: true);
    }

    async Task PushAsync(Run run, bool force)
    {
        var now = Stopwatch.GetTimestamp();
        if (!force && Stopwatch.GetElapsedTime(run.LastPush, now) < PushEvery) return;
        run.LastPush = now;
        try { await hub.Clients.Group(DesktopHub.AnalystsGroup).SendAsync(Message, run.State); }
        catch (Exception ex) { log.LogWarning(ex, "Pushing rebuild progress of {Name} failed", run.State.Name); }
    }
}
