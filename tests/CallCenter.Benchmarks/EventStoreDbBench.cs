using System.Globalization;
using CallCenter.EventStore;

namespace CallCenter.Benchmarks;

/// <summary>The same append benchmark against an EventStoreDB server (--store eventstoredb --connection esdb://…).
/// The server is not reset between runs (it is append-only): every run writes to new streams.</summary>
public static class EventStoreDbBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var store = new EventStoreDbEventStore(options.ConnectionString);
        if (!await store.PingAsync())
        {
            Console.Error.WriteLine($"error: no EventStoreDB answers at {string.Join(",", store.Settings.Hosts.Select(h => $"{h.Host}:{h.Port}"))}.");
            return 3;
        }
        Console.WriteLine($"store: eventstoredb (gRPC, one Append call per append); {options.Seconds} s per run after " +
                          $"{options.WarmupSeconds} s warm-up; single-event appends, exact expected revision");
        foreach (var writers in options.Writers)
        {
            var (rate, clientCpu) = await AppendBench.RunAsync(store, writers, options.WarmupSeconds, options.Seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT writers={writers} events_per_second={rate:F1} client_cpu_us_per_event={clientCpu:F1}"));
        }
        return 0;
    }
}
