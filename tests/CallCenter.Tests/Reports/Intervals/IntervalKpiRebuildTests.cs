using System.Diagnostics;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>A rebuild from position 0 equals the live rows; and how fast the projection applies the history (a micro-bench).</summary>
[Collection(IntervalKpiCollection.Name)]
public class IntervalKpiRebuildTests(IntervalKpiFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Dropped_and_rebuilt_from_position_zero_the_rows_equal_the_live_rows()
    {
        var live = await ReadModelRows.RowsAsync(fixture.App.Database, IntervalKpiFixture.Tables);
        Assert.Contains(live, r => r.StartsWith("kpi_intervals ") && r.Contains("\"area\":\"\"") is false);
        await fixture.RestartAsync(database => ReadModelRows.DropAsync(database, "interval-kpis", IntervalKpiFixture.Tables));
        await IntervalKpiFixture.CaughtUpAsync(fixture.App);
        Assert.Equal(live, await ReadModelRows.RowsAsync(fixture.App.Database, IntervalKpiFixture.Tables));
    }

    /// <summary>Applies every call and agent event of the history to a scratch schema in batches of 5,000, as a rebuild does, and reports events/s.</summary>
    [Fact]
    public async Task Micro_bench_applying_the_whole_history_in_rebuild_sized_batches()
    {
        var events = new List<RecordedEvent>();
        await CallCenter.Tests.Infrastructure.StoreHorizon.WaitPastLastEventAsync(fixture.App.Database);
        await foreach (var e in fixture.App.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("call-", "agent-"))) events.Add(e);
        var projection = fixture.App.Services.GetServices<IProjection>().Single(p => p.Name == "interval-kpis");
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var warm = await ApplyAllAsync(db, projection, events); // JIT and query plans
        var elapsed = await ApplyAllAsync(db, projection, events);
        output.WriteLine($"interval-kpis applied {events.Count:N0} events in {elapsed.TotalSeconds:F2} s: {events.Count / elapsed.TotalSeconds:N0} events/s (first, cold run: {events.Count / warm.TotalSeconds:N0} events/s)");
        var bench = await ReadModelRows.RowsAsync(fixture.App.Database, IntervalKpiFixture.Tables.Select(t => "kpi_bench." + t).ToArray());
        var live = await ReadModelRows.RowsAsync(fixture.App.Database, IntervalKpiFixture.Tables);
        Assert.Equal(live.Select(r => r[(r.IndexOf(' ') + 1)..]), bench.Select(r => r[(r.IndexOf(' ') + 1)..])); // other batch boundaries, same rows
        await db.Database.ExecuteSqlRawAsync("drop schema kpi_bench cascade");
    }

    static async Task<TimeSpan> ApplyAllAsync(ReadModelDb db, IProjection projection, List<RecordedEvent> events)
    {
        await db.Database.ExecuteSqlRawAsync("drop schema if exists kpi_bench cascade; create schema kpi_bench");
        var watch = Stopwatch.StartNew();
        foreach (var batch in events.Chunk(5_000))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await ProjectionSql.UseSchemaAsync(db, "kpi_bench", default);
            if (batch[0] == events[0]) await projection.EnsureStorageAsync(db, default);
            await projection.ApplyAsync(db, batch, default);
            await tx.CommitAsync();
        }
        return watch.Elapsed;
    }
}
