using System.Globalization;
using CallCenter.Benchmarks;
using CallCenter.EventStore;
using Npgsql;

// Append throughput of the event store: N concurrent writers, each appending single events to its own
// stream with the exact expected revision, for a fixed time after a warm-up. Prints events/s per N.
// Usage: --connection <npgsql or esdb:// connection string> [--seconds 10] [--warmup 2] [--writers 1,8,32] [--append-batches N] [--store postgres|eventstoredb]
// Run through `npm run bench:append`, which starts a throwaway cluster and compares with pgbench.

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Store == "eventstoredb") return await EventStoreDbBench.RunAsync(options);

var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = options.Writers.Max() + 4 };
await using var dataSource = PostgresEventStore.CreateDataSource(builder.ConnectionString);
var batching = (options.AppendBatches ?? new PostgresEventStoreOptions().MaxConcurrentAppendBatches) is var k && k > 0
    ? $"concurrent appends batched into at most {k} transactions at a time" : "one transaction per append";
Console.WriteLine($"store: postgres ({batching}); {options.Seconds} s per run after {options.WarmupSeconds} s warm-up; " +
                  "single-event appends, exact expected revision");

foreach (var writers in options.Writers)
{
    await ResetAsync(dataSource);
    var storeOptions = new PostgresEventStoreOptions();
    if (options.AppendBatches is { } batches) storeOptions = storeOptions with { MaxConcurrentAppendBatches = batches };
    var store = new PostgresEventStore(dataSource, storeOptions);
    var (rate, clientCpu) = await AppendBench.RunAsync(store, writers, options.WarmupSeconds, options.Seconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT writers={writers} events_per_second={rate:F1} client_cpu_us_per_event={clientCpu:F1}"));
}
return 0;

// Every run starts from an empty store, like pgbench starts from an empty table.
static async Task ResetAsync(NpgsqlDataSource dataSource)
{
    await using (var drop = dataSource.CreateCommand("DROP SCHEMA IF EXISTS eventstore CASCADE"))
        await drop.ExecuteNonQueryAsync();
    await new PostgresEventStore(dataSource).EnsureSchemaAsync();
    await using var checkpoint = dataSource.CreateCommand("CHECKPOINT");
    await checkpoint.ExecuteNonQueryAsync();
}
