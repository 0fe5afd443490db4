using System.Collections.Concurrent;
using System.Diagnostics;
using CallCenter.EventStore;
using Npgsql;
using Xunit.Abstractions;
using static CallCenter.Tests.EventStore.EventStoreTestKit;

namespace CallCenter.Tests.EventStore;

/// <summary>
/// Issue 2 acceptance: 8 concurrent writers × 20,000 events (single-event appends, each writer on its own
/// 10 streams with exact expected revisions) while a subscriber runs from the start; the subscriber receives
/// all 160,000 exactly once, in strictly increasing position order. Own database (own class fixture).
/// Writers 0–3 share the subscriber's store instance (their appends are batched and wake it); writers 4–7 each
/// have their own instance, like other app processes (up to 6 append transactions in flight at once, and the
/// subscriber only learns of those by polling). Commits are asynchronous here (synchronous_commit=off) to keep
/// the test short: that changes durability, not when a commit becomes visible, which is what is tested.
/// </summary>
public sealed class PostgresConcurrencyTests(PostgresEventStoreFixture fixture, ITestOutputHelper output)
    : IClassFixture<PostgresEventStoreFixture>
{
    const int Writers = 8, EventsPerWriter = 20_000, StreamsPerWriter = 10;
    const int Total = Writers * EventsPerWriter;

    [Fact]
    public async Task Eight_writers_and_a_subscriber_every_event_exactly_once_in_position_order()
    {
        await using var dataSource = PostgresEventStore.CreateDataSource(
            new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Options = "-c synchronous_commit=off" }.ConnectionString);
        var store = new PostgresEventStore(dataSource); // default options
        var ownStores = Enumerable.Range(0, Writers).Select(w => w < Writers / 2 ? store : new PostgresEventStore(dataSource)).ToArray();
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var received = new List<RecordedEvent>(Total);
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in store.SubscribeToAllAsync(null, ct: cts.Token))
            {
                received.Add(e);
                if (received.Count == Total) return;
            }
        });

        var written = new ConcurrentDictionary<Guid, ulong>(); // event id → position the append reported
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var revisions = new long[StreamsPerWriter];
            Array.Fill(revisions, -1);
            for (var i = 0; i < EventsPerWriter; i++)
            {
                var s = i % StreamsPerWriter;
                var e = NewEvent("LoadTested", $$"""{"writer":{{w}},"i":{{i}}}""");
                var expected = revisions[s] < 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revisions[s]);
                var result = await ownStores[w].AppendAsync($"load-{w}-{s}", expected, [e], cts.Token);
                revisions[s] = result.NextExpectedRevision;
                written[e.EventId] = result.Position;
            }
        })).ToArray();

        await Task.WhenAll(writers);
        var writeTime = clock.Elapsed;
        int receivedWhileWriting;
        lock (received) receivedWhileWriting = received.Count; // a racy peek, for the log only
        await subscriber.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"{Total} events written in {writeTime.TotalSeconds:F1} s ({Total / writeTime.TotalSeconds:F0}/s); " +
                         $"~{receivedWhileWriting} delivered by then; all delivered after {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(Total, written.Count);
        Assert.Equal(Total, received.Count);
        Assert.Equal(Total, received.Select(e => e.EventId).Distinct().Count());
        AssertStrictlyIncreasing(received);
        Assert.True(written.Keys.ToHashSet().SetEquals(received.Select(e => e.EventId)), "delivered ids differ from written ids");
        Assert.All(received, e => Assert.Equal(written[e.EventId], e.Position));
        cts.Cancel();
    }
}
