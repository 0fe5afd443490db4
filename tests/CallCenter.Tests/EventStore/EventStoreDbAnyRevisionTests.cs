using CallCenter.EventStore;
using static CallCenter.Tests.EventStore.EventStoreTestKit;

namespace CallCenter.Tests.EventStore;

/// <summary>
/// "Any revision" repeats on EventStoreDB are found in the stream, not in the server's cache of recent ids nor in what
/// this app instance has appended: a second instance (another app process, or the app after a restart) sees the repeat.
/// </summary>
[RequiresEnvironment(EventStoreDbFixture.Variable)]
public sealed class EventStoreDbAnyRevisionTests(EventStoreDbFixture fixture) : IClassFixture<EventStoreDbFixture>
{
    [StoreFact]
    public async Task A_repeat_of_another_instances_append_is_reported_as_duplicate_and_stored_once()
    {
        var stream = Unique("anyother-");
        var redelivered = NewEvents(2);
        var first = await fixture.Store.AppendAsync(stream, ExpectedRevision.Any, redelivered);
        await fixture.Store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()]);
        await using var restarted = new EventStoreDbEventStore(Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable)!);

        var again = await restarted.AppendAsync(stream, ExpectedRevision.Any, redelivered);

        Assert.Equal(first with { Duplicate = true }, again);
        Assert.Equal(3, (await restarted.ReadStreamAsync(stream).ToListAsync()).Count);
    }

    [StoreFact]
    public async Task A_repeat_further_back_than_the_lookback_is_left_to_the_server()
    {
        var stream = Unique("anylookback-");
        await using var store = new EventStoreDbEventStore(Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable)!,
            new EventStoreDbOptions { AnyRevisionLookback = 2 });
        var old = NewEvent();
        var first = await store.AppendAsync(stream, ExpectedRevision.Any, [old]);
        await store.AppendAsync(stream, ExpectedRevision.Any, NewEvents(2));

        // beyond the lookback the adapter appends at the head it found; the server's id cache still knows it (no restart)
        var again = await store.AppendAsync(stream, ExpectedRevision.Any, [old]);

        Assert.Equal(first with { Duplicate = true }, again); // the server answers with the original append
        Assert.Equal(3, (await store.ReadStreamAsync(stream).ToListAsync()).Count);
    }
}
