using CallCenter.EventStore;
using Npgsql;
using static CallCenter.Tests.EventStore.EventStoreTestKit;

namespace CallCenter.Tests.EventStore;

/// <summary>
/// What only the PostgreSQL adapter has to prove: the late-commit trap, the schema bootstrap. Runs alone: the transaction
/// it holds open would hold back $all readers of every other test on the server (the horizon is server-wide).
/// </summary>
[Collection(SerialEventStoreTests.Name)]
public sealed class PostgresEventStoreTests(PostgresEventStoreFixture fixture) : IClassFixture<PostgresEventStoreFixture>
{
    PostgresEventStore Store => fixture.Store;

    [Fact]
    public async Task Readers_never_pass_a_transaction_that_is_still_running()
    {
        var prefix = Unique("late-") + "-";
        // Transaction A takes its id (hence its position) first, then stays open, like a slow append.
        await using var held = await fixture.DataSource.OpenConnectionAsync();
        await using var transaction = await held.BeginTransactionAsync();
        var lateId = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO eventstore.events (position, stream_id, stream_revision, event_id, type, data)
            VALUES ((pg_current_xact_id()::text::bigint << 20) | 1, $1, 0, $2, 'Late', '{}')
            """, held, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix + "a" });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lateId });
            await insert.ExecuteNonQueryAsync();
        }

        // B commits after A started: its position is higher, and it is visible before A.
        var b = NewEvent();
        await Store.AppendAsync(prefix + "b", ExpectedRevision.NoStream, [b]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var subscription = Store.SubscribeToAllAsync(null, EventFilter.Streams(prefix), cts.Token).GetAsyncEnumerator(cts.Token);
        var first = subscription.MoveNextAsync().AsTask();

        Assert.Empty(await Store.ReadAllAsync(null, EventFilter.Streams(prefix)).ToListAsync());
        await Task.Delay(500);
        Assert.False(first.IsCompleted, "the subscription delivered B while A was still running");

        // A commits (nothing in this process signals it): A then B, in position order.
        await transaction.CommitAsync();
        var sawA = Task.Run(async () => { Assert.True(await first); return subscription.Current; });
        var delivered = new List<RecordedEvent> { await sawA.WaitAsync(TimeSpan.FromSeconds(2)) };
        delivered.AddRange(await subscription.TakeAsync(1, TimeSpan.FromSeconds(2)));

        Assert.Equal([lateId, b.EventId], delivered.Select(e => e.EventId));
        AssertStrictlyIncreasing(delivered);
        Assert.Equal([lateId, b.EventId], (await Store.ReadAllAsync(null, EventFilter.Streams(prefix)).ToListAsync()).Select(e => e.EventId));
    }

    [Fact]
    public async Task Schema_bootstrap_is_idempotent_and_safe_to_run_concurrently()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Store.EnsureSchemaAsync()));
        Assert.True(await Store.PingAsync());
    }

    [Fact]
    public async Task Positions_are_transaction_id_then_index_within_the_append()
    {
        var stream = Unique("positions-");
        var result = await Store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(3));
        var read = await Store.ReadStreamAsync(stream).ToListAsync();

        Assert.Single(read.Select(e => e.Position >> 20).Distinct());
        Assert.Equal([1UL, 2UL, 3UL], read.Select(e => e.Position & 0xFFFFF));
        Assert.Equal(read[^1].Position, result.Position);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialEventStoreTests
{
    public const string Name = "event store, not in parallel";
}
