using CallCenter.EventStore;
using CallCenter.Tests.Calls.ScreenPops;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Tests.Reports;

/// <summary>The call-reports read model depends on the events, not on their order: the same events shuffled (within calls too) and a rebuild from 0 give the same rows.</summary>
[Collection(CallReportsCollection.Name)]
public class CallReportsOrderAndRebuildTests(CallReportsFixture fixture)
{
    static readonly string[] Tables = ["call_report_facts", "call_report_clock", "one_time_fix_outcomes"];

    [Fact]
    public async Task The_same_events_ingested_in_a_shuffled_order_give_the_same_rows()
    {
        var live = await ReadModelRows.RowsAsync(fixture.App.Database, Tables);
        Assert.Contains(live, r => r.Contains("\"outcome\":\"pending\""));
        var events = new List<RecordedEvent>();
        await CallCenter.Tests.Infrastructure.StoreHorizon.WaitPastLastEventAsync(fixture.App.Database);
        await foreach (var e in fixture.App.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("call-"))) events.Add(e);
        var shuffled = events.OrderBy(_ => Random.Shared.Next()).ToList(); // tags before ends, repeats before the calls they repeat
        Assert.NotEqual(events.Select(e => e.EventId), shuffled.Select(e => e.EventId));

        // A fresh database (not restarted: its reactor, fed shuffled calls, leaves agents "on calls" the PBX would end at start-up).
        using var app = await AppHost.StartAsync(await TestDatabase.CreateAsync("callreports_shuffled"));
        var store = app.Services.GetRequiredService<IEventStore>();
        await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (e, ct) =>
            await store.AppendAsync(e.StreamId, ExpectedRevision.Any, [new EventData(e.EventId, e.Type, e.Data, e.Metadata)], ct));
        await CallReportsFixture.CaughtUpAsync(app);
        Assert.Equal(live, await ReadModelRows.RowsAsync(app.Database, Tables));
    }

    [Fact]
    public async Task Dropped_and_rebuilt_from_position_zero_the_rows_equal_the_live_rows()
    {
        var live = await ReadModelRows.RowsAsync(fixture.App.Database, Tables);
        Assert.Contains(live, r => r.Contains("\"outcome\":\"repeated\""));
        await fixture.RestartAsync(async database =>
        {
            await using var conn = new NpgsqlConnection(database);
            await conn.OpenAsync();
            await new NpgsqlCommand("drop table call_report_facts, call_report_clock, one_time_fix_outcomes; delete from projection_checkpoints where name = 'call-reports'", conn)
                .ExecuteNonQueryAsync();
        });
        await CallReportsFixture.CaughtUpAsync(fixture.App);
        Assert.Equal(live, await ReadModelRows.RowsAsync(fixture.App.Database, Tables));
    }
}
