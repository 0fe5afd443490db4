using System.Diagnostics;
using System.Text;
using CallCenter.EventStore;

namespace CallCenter.Benchmarks;

/// <summary>One timed run: <c>writers</c> concurrent loops of single-event appends, each on its own stream.</summary>
public static class AppendBench
{
    /// <summary>Appended events per second, and this process's CPU time per event (the client's share of the machine).</summary>
    public static async Task<(double EventsPerSecond, double ClientCpuMicrosPerEvent)> RunAsync(IEventStore store, int writers, int warmupSeconds, int seconds)
    {
        var counts = new long[writers]; // appends per writer; read racily by the timer, exact enough for a rate
        using var stop = new CancellationTokenSource();
        var run = Guid.NewGuid().ToString("N")[..8];
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(store, $"bench-{run}-{w}", w, counts, stop.Token))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        var startCount = Total(counts);
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var appended = Total(counts) - startCount;
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - startCpu;
        stop.Cancel();
        await Task.WhenAll(tasks);
        return (appended / elapsed, cpu.TotalMicroseconds / Math.Max(appended, 1));
    }

    static async Task WriteAsync(IEventStore store, string stream, int writer, long[] counts, CancellationToken stop)
    {
        var expected = ExpectedRevision.NoStream;
        var metadata = Encoding.UTF8.GetBytes($$"""{"correlationId":"{{Guid.NewGuid()}}","user":"agent{{writer}}"}""");
        while (!stop.IsCancellationRequested)
        {
            var data = Encoding.UTF8.GetBytes($$"""{"agentId":"agent{{writer}}","state":"Ready","reasonCode":null,"n":{{counts[writer]}}}""");
            var result = await store.AppendAsync(stream, expected, [new EventData(Guid.NewGuid(), "AgentBecameReady", data, metadata)]);
            expected = ExpectedRevision.Exact(result.NextExpectedRevision);
            Interlocked.Increment(ref counts[writer]);
        }
    }

    static long Total(long[] counts)
    {
        long sum = 0;
        for (var i = 0; i < counts.Length; i++) sum += Interlocked.Read(ref counts[i]);
        return sum;
    }
}
