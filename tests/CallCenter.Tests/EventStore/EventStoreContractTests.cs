using System.Text;
using CallCenter.EventStore;
using static CallCenter.Tests.EventStore.EventStoreTestKit;

namespace CallCenter.Tests.EventStore;

/// <summary>
/// The contract every <see cref="IEventStore"/> adapter must meet. Subclass it per adapter and hand over a store;
/// all tests of one subclass share that store, so each test works on its own streams, types and positions.
/// </summary>
public abstract class EventStoreContractTests(IEventStore store)
{
    protected IEventStore Store { get; } = store;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [StoreFact]
    public async Task Appended_events_read_back_as_written()
    {
        var stream = Unique("roundtrip-");
        var events = new[]
        {
            NewEvent("Opened", """{"name":"Ann","tags":["a","b"],"n":1.5}""", """{"user":"agent1"}"""),
            NewEvent("Renamed", """{"name":"Bo"}"""),
            NewEvent("Closed", """{}"""),
        };

        var result = await Store.AppendAsync(stream, ExpectedRevision.NoStream, events);

        Assert.Equal(2, result.NextExpectedRevision);
        Assert.False(result.Duplicate);
        var read = await Store.ReadStreamAsync(stream).ToListAsync();
        Assert.Equal(3, read.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(events[i].EventId, read[i].EventId);
            Assert.Equal(stream, read[i].StreamId);
            Assert.Equal(i, read[i].StreamRevision);
            Assert.Equal(events[i].Type, read[i].Type);
            AssertSameJson(events[i].Data, read[i].Data);
            AssertSameJson(events[i].Metadata, read[i].Metadata);
            Assert.InRange(read[i].Created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        }
        AssertStrictlyIncreasing(read);
        Assert.Equal(read[^1].Position, result.Position);
    }

    [StoreFact]
    public async Task No_stream_fails_when_the_stream_exists()
    {
        var stream = Unique("nostream-");
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent()]);

        var ex = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent()]));

        Assert.Equal(stream, ex.StreamId);
        Assert.Equal(0, ex.Actual);
        Assert.Single(await Store.ReadStreamAsync(stream).ToListAsync());
    }

    [StoreFact]
    public async Task Exact_revision_must_match_the_last_event()
    {
        var stream = Unique("exact-");
        var missing = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(0), [NewEvent()]));
        Assert.Equal(-1, missing.Actual);

        await Store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(2));
        var stale = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Exact(0), [NewEvent()]));
        Assert.Equal(1, stale.Actual);
        Assert.Equal(ExpectedRevision.Exact(0), stale.Expected);

        var ok = await Store.AppendAsync(stream, ExpectedRevision.Exact(1), [NewEvent()]);
        Assert.Equal(2, ok.NextExpectedRevision);
        Assert.Equal(3, (await Store.ReadStreamAsync(stream).ToListAsync()).Count);
    }

    [StoreFact]
    public async Task Any_appends_whatever_the_stream_is_at()
    {
        var stream = Unique("any-");
        var first = await Store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()]);
        var second = await Store.AppendAsync(stream, ExpectedRevision.Any, NewEvents(2));

        Assert.Equal(0, first.NextExpectedRevision);
        Assert.Equal(2, second.NextExpectedRevision);
        Assert.True(second.Position > first.Position);
    }

    [StoreFact]
    public async Task The_same_append_twice_is_stored_once()
    {
        var stream = Unique("idempotent-");
        var events = NewEvents(2);
        var first = await Store.AppendAsync(stream, ExpectedRevision.NoStream, events);
        await Store.AppendAsync(stream, ExpectedRevision.Exact(1), [NewEvent()]);

        var retry = await Store.AppendAsync(stream, ExpectedRevision.NoStream, events); // the client retried
        var retryWithAny = await Store.AppendAsync(stream, ExpectedRevision.Any, events);

        Assert.True(retry.Duplicate);
        Assert.Equal(first with { Duplicate = true }, retry);
        Assert.Equal(first with { Duplicate = true }, retryWithAny);
        Assert.Equal(3, (await Store.ReadStreamAsync(stream).ToListAsync()).Count);
    }

    [StoreFact]
    public async Task An_id_appended_again_with_any_after_later_appends_is_stored_once()
    {
        var stream = Unique("anyrepeat-");
        var redelivered = NewEvent();
        await Store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()]);
        var first = await Store.AppendAsync(stream, ExpectedRevision.Any, [redelivered]);
        await Store.AppendAsync(stream, ExpectedRevision.Any, NewEvents(3));

        var again = await Store.AppendAsync(stream, ExpectedRevision.Any, [redelivered]);
        var next = await Store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()]);

        Assert.Equal(first with { Duplicate = true }, again);
        Assert.Equal(5, next.NextExpectedRevision);
        var read = await Store.ReadStreamAsync(stream).ToListAsync();
        Assert.Equal(6, read.Count);
        Assert.Single(read, e => e.EventId == redelivered.EventId);
    }

    [StoreFact]
    public async Task The_same_any_append_racing_itself_on_an_existing_stream_is_stored_once()
    {
        for (var round = 0; round < 10; round++)
        {
            var stream = Unique("anyraceself-");
            await Store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(2));
            var events = NewEvents(2);
            using var start = new ManualResetEventSlim();
            var appends = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(async () => { start.Wait(); return await Store.AppendAsync(stream, ExpectedRevision.Any, events); }))
                .ToArray();
            start.Set();
            var results = await Task.WhenAll(appends);

            Assert.Single(results, r => !r.Duplicate);
            Assert.All(results, r => Assert.Equal(3, r.NextExpectedRevision));
            Assert.Equal(4, (await Store.ReadStreamAsync(stream).ToListAsync()).Count);
        }
    }

    [StoreFact]
    public async Task A_partly_stored_append_is_refused_and_writes_nothing()
    {
        var stream = Unique("partial-");
        var stored = NewEvent();
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [stored]);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedRevision.Any, [stored, NewEvent()]));

        Assert.Single(await Store.ReadStreamAsync(stream).ToListAsync());
    }

    [StoreFact]
    public async Task Two_appends_racing_on_one_revision_one_wins_the_other_conflicts()
    {
        for (var round = 0; round < 20; round++)
        {
            var stream = Unique("race-");
            await Store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent()]);
            var a = NewEvent("A");
            var b = NewEvent("B");
            using var start = new ManualResetEventSlim();
            var appends = new[] { a, b }
                .Select(e => Task.Run(async () => { start.Wait(); return await Store.AppendAsync(stream, ExpectedRevision.Exact(0), [e]); }))
                .ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(appends.Select(async t =>
            {
                try { return (Result: await t, Error: (Exception?)null); }
                catch (Exception ex) { return (Result: (AppendResult?)null, Error: ex); }
            }));

            Assert.Single(outcomes, o => o.Result is { Duplicate: false, NextExpectedRevision: 1 });
            var loser = Assert.Single(outcomes, o => o.Error is not null);
            var conflict = Assert.IsType<WrongExpectedVersionException>(loser.Error);
            Assert.Equal(1, conflict.Actual);
            var read = await Store.ReadStreamAsync(stream).ToListAsync();
            Assert.Equal(2, read.Count);
        }
    }

    [StoreFact]
    public async Task The_same_append_racing_itself_is_stored_once()
    {
        for (var round = 0; round < 10; round++)
        {
            var stream = Unique("raceself-");
            var events = NewEvents(3);
            using var start = new ManualResetEventSlim();
            var appends = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(async () => { start.Wait(); return await Store.AppendAsync(stream, ExpectedRevision.NoStream, events); }))
                .ToArray();
            start.Set();
            var results = await Task.WhenAll(appends);

            Assert.Single(results, r => !r.Duplicate);
            Assert.Single(results, r => r.Duplicate);
            Assert.All(results, r => Assert.Equal(2, r.NextExpectedRevision));
            Assert.Equal(3, (await Store.ReadStreamAsync(stream).ToListAsync()).Count);
        }
    }

    [StoreFact]
    public async Task Streams_read_backwards_and_from_a_revision()
    {
        var stream = Unique("backwards-");
        var events = NewEvents(10);
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, events);

        var all = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue).ToListAsync();
        var lastThree = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue, maxCount: 3).ToListAsync();
        var downFrom4 = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, 4).ToListAsync();
        var upFrom7 = await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 7).ToListAsync();
        var twoFrom3 = await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 3, maxCount: 2).ToListAsync();

        Assert.Equal(events.Reverse().Select(e => e.EventId), all.Select(e => e.EventId));
        Assert.Equal([9L, 8L, 7L], lastThree.Select(e => e.StreamRevision));
        Assert.Equal([4L, 3L, 2L, 1L, 0L], downFrom4.Select(e => e.StreamRevision));
        Assert.Equal([7L, 8L, 9L], upFrom7.Select(e => e.StreamRevision));
        Assert.Equal([3L, 4L], twoFrom3.Select(e => e.StreamRevision));
        Assert.Empty(await Store.ReadStreamAsync(Unique("missing-")).ToListAsync());
    }

    [StoreFact]
    public async Task Several_streams_read_whole_in_the_order_given()
    {
        var (a, b, missing) = (Unique("multi-a-"), Unique("multi-b-"), Unique("multi-missing-"));
        var inA = NewEvents(3);
        var inB = NewEvents(2);
        await Store.AppendAsync(b, ExpectedRevision.NoStream, inB);
        await Store.AppendAsync(a, ExpectedRevision.NoStream, inA);

        var read = await Store.ReadStreamsAsync([a, missing, b]).ToListAsync();

        Assert.Equal(inA.Concat(inB).Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal([0L, 1L, 2L, 0L, 1L], read.Select(e => e.StreamRevision));
        Assert.Equal([a, a, a, b, b], read.Select(e => e.StreamId));
        Assert.Empty(await Store.ReadStreamsAsync([]).ToListAsync());
    }

    [StoreFact]
    public async Task All_reads_from_after_a_position_filtered_by_stream_prefix()
    {
        var prefix = Unique("allprefix-") + "-";
        var first = await Store.AppendAsync(prefix + "a", ExpectedRevision.NoStream, [NewEvent()]);
        await Store.AppendAsync(Unique("elsewhere-"), ExpectedRevision.NoStream, [NewEvent()]);
        var b = NewEvents(2);
        var c = NewEvent();
        await Store.AppendAsync(prefix + "b", ExpectedRevision.NoStream, b);
        await Store.AppendAsync(prefix + "a", ExpectedRevision.Exact(0), [c]);

        var read = await Store.ReadAllAtLeastAsync(3, first.Position, EventFilter.Streams(prefix));
        var fromStart = await Store.ReadAllAtLeastAsync(4, null, EventFilter.Streams(prefix));
        var limited = await Store.ReadAllAsync(null, EventFilter.Streams(prefix), maxCount: 2).ToListAsync();

        Assert.Equal([b[0].EventId, b[1].EventId, c.EventId], read.Select(e => e.EventId));
        AssertStrictlyIncreasing(read);
        Assert.Equal(4, fromStart.Count);
        Assert.Equal(first.Position, fromStart[0].Position);
        Assert.Equal(fromStart.Take(2).Select(e => e.EventId), limited.Select(e => e.EventId));
    }

    [StoreFact]
    public async Task All_reads_filter_by_event_type_prefix_and_several_prefixes()
    {
        var tag = Unique("T");
        var stream = Unique("types-");
        await Store.AppendAsync(stream, ExpectedRevision.NoStream,
            [NewEvent($"{tag}.Call.Arrived"), NewEvent($"{tag}.Agent.Ready"), NewEvent($"{tag}.Call.Ended"), NewEvent($"{tag}.Other")]);

        var calls = await Store.ReadAllAtLeastAsync(2, null, EventFilter.Types($"{tag}.Call."));
        var callsOrAgents = await Store.ReadAllAsync(null, EventFilter.Types($"{tag}.Call.", $"{tag}.Agent.")).ToListAsync();
        var both = await Store.ReadAllAsync(null, new EventFilter([stream], [$"{tag}.Agent."])).ToListAsync();
        var noneOfThisStream = await Store.ReadAllAsync(null, new EventFilter([Unique("nothing-")], [$"{tag}."])).ToListAsync();

        Assert.Equal([$"{tag}.Call.Arrived", $"{tag}.Call.Ended"], calls.Select(e => e.Type));
        Assert.Equal(3, callsOrAgents.Count);
        Assert.Equal($"{tag}.Agent.Ready", Assert.Single(both).Type);
        Assert.Empty(noneOfThisStream);
    }

    [StoreFact]
    public async Task Prefix_filters_take_like_metacharacters_literally()
    {
        var tag = Unique("meta");
        await Store.AppendAsync($"{tag}_x%1", ExpectedRevision.NoStream, [NewEvent($"{tag}%_a")]);
        await Store.AppendAsync($"{tag}Ax%1", ExpectedRevision.NoStream, [NewEvent($"{tag}ABa")]);
        await Store.AppendAsync($"{tag}\\x", ExpectedRevision.NoStream, [NewEvent($"{tag}\\b")]);

        await Store.ReadAllAtLeastAsync(3, null, EventFilter.Streams(tag));
        Assert.Equal($"{tag}_x%1", Assert.Single(await Store.ReadAllAsync(null, EventFilter.Streams($"{tag}_")).ToListAsync()).StreamId);
        Assert.Equal($"{tag}%_a", Assert.Single(await Store.ReadAllAsync(null, EventFilter.Types($"{tag}%_")).ToListAsync()).Type);
        Assert.Equal($"{tag}\\x", Assert.Single(await Store.ReadAllAsync(null, EventFilter.Streams($"{tag}\\")).ToListAsync()).StreamId);
    }

    [StoreFact]
    public async Task A_subscription_catches_up_from_a_checkpoint_then_goes_live()
    {
        var prefix = Unique("sub-") + "-";
        var first = await Store.AppendAsync(prefix + "1", ExpectedRevision.NoStream, [NewEvent()]);
        var old = NewEvents(2);
        await Store.AppendAsync(prefix + "2", ExpectedRevision.NoStream, old);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var subscription = Store.SubscribeToAllAsync(first.Position, EventFilter.Streams(prefix), cts.Token).GetAsyncEnumerator(cts.Token);
        var caughtUp = await subscription.TakeAsync(2, Patience);
        Assert.Equal(old.Select(e => e.EventId), caughtUp.Select(e => e.EventId));

        var live = NewEvents(3);
        await Store.AppendAsync(prefix + "1", ExpectedRevision.Exact(0), live[..1]);
        await Store.AppendAsync(Unique("notmine-"), ExpectedRevision.NoStream, [NewEvent()]);
        await Store.AppendAsync(prefix + "3", ExpectedRevision.NoStream, live[1..]);
        var received = await subscription.TakeAsync(3, Patience);

        Assert.Equal(live.Select(e => e.EventId), received.Select(e => e.EventId));
        AssertStrictlyIncreasing([.. caughtUp, .. received]);
    }

    [StoreFact]
    public async Task A_subscription_stops_promptly_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var subscription = Store.SubscribeToAllAsync(null, EventFilter.Streams(Unique("quiet-")), cts.Token).GetAsyncEnumerator(cts.Token);
        var next = subscription.MoveNextAsync().AsTask();
        await Task.Delay(300);
        Assert.False(next.IsCompleted);

        var started = DateTime.UtcNow;
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "took too long to stop");
        await subscription.DisposeAsync();
    }

    [StoreFact]
    public async Task A_one_megabyte_event_round_trips()
    {
        var stream = Unique("large-");
        var big = new string('x', 1024 * 1024);
        var e = NewEvent("Big", $$"""{"blob":"{{big}}","n":42}""", """{"size":"1MB"}""");

        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [e]);

        var read = Assert.Single(await Store.ReadStreamAsync(stream).ToListAsync());
        Assert.True(read.Data.Length > 1024 * 1024);
        AssertSameJson(e.Data, read.Data);
        Assert.Equal(e.EventId, Assert.Single(await Store.ReadAllAtLeastAsync(1, null, EventFilter.Streams(stream))).EventId);
    }

    [StoreFact]
    public async Task Many_streams_keep_their_own_revisions_and_one_global_order()
    {
        var prefix = Unique("many-") + "-";
        const int streams = 200, perStream = 5;
        var written = new Dictionary<string, List<Guid>>();
        for (var round = 0; round < perStream; round++)
            await Parallel.ForAsync(0, streams, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) =>
            {
                var stream = $"{prefix}{s}";
                var e = NewEvent("Counted", $$"""{"round":{{round}}}""");
                lock (written) (written.TryGetValue(stream, out var l) ? l : written[stream] = []).Add(e.EventId);
                var expected = round == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(round - 1);
                await Store.AppendAsync(stream, expected, [e], ct);
            });

        foreach (var (stream, ids) in written)
        {
            var read = await Store.ReadStreamAsync(stream).ToListAsync();
            Assert.Equal(ids, read.Select(e => e.EventId));
            Assert.Equal(Enumerable.Range(0, perStream).Select(i => (long)i), read.Select(e => e.StreamRevision));
        }
        var all = await Store.ReadAllAtLeastAsync(streams * perStream, null, EventFilter.Streams(prefix));
        Assert.Equal(streams * perStream, all.Count);
        AssertStrictlyIncreasing(all);
        Assert.Equal(written.Values.SelectMany(ids => ids).Order(), all.Select(e => e.EventId).Order());
    }

    [StoreFact]
    public async Task Empty_data_and_metadata_read_back_empty()
    {
        var stream = Unique("empty-");
        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [new EventData(Guid.NewGuid(), "Nothing", Encoding.UTF8.GetBytes("{}"), ReadOnlyMemory<byte>.Empty)]);

        var read = Assert.Single(await Store.ReadStreamAsync(stream).ToListAsync());
        Assert.True(read.Metadata.IsEmpty);
        AssertSameJson(Encoding.UTF8.GetBytes("{}"), read.Data);
    }

    [StoreFact]
    public async Task A_subscription_resumes_exactly_after_the_checkpoint_it_stopped_at()
    {
        var prefix = Unique("resume-") + "-";
        var events = NewEvents(5);
        await Store.AppendAsync(prefix + "a", ExpectedRevision.NoStream, events[..2]);
        await Store.AppendAsync(Unique("noise-"), ExpectedRevision.NoStream, NewEvents(3));
        await Store.AppendAsync(prefix + "b", ExpectedRevision.NoStream, events[2..]);

        List<RecordedEvent> firstThree;
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        await using (var first = Store.SubscribeToAllAsync(null, EventFilter.Streams(prefix), cts.Token).GetAsyncEnumerator(cts.Token))
            firstThree = await first.TakeAsync(3, Patience);
        var checkpoint = firstThree[^1].Position; // what a projection stores with its last applied batch

        using var again = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var resumed = Store.SubscribeToAllAsync(checkpoint, EventFilter.Streams(prefix), again.Token).GetAsyncEnumerator(again.Token);
        var rest = await resumed.TakeAsync(2, Patience);
        var live = NewEvent();
        await Store.AppendAsync(prefix + "a", ExpectedRevision.Exact(1), [live]);
        var next = await resumed.TakeAsync(1, Patience);

        Assert.Equal(events.Select(e => e.EventId), firstThree.Concat(rest).Select(e => e.EventId));
        Assert.Equal(live.EventId, Assert.Single(next).EventId);
        AssertStrictlyIncreasing([.. firstThree, .. rest, .. next]);
    }

    [StoreFact]
    public async Task A_subscription_filters_by_event_type_and_by_both_stream_and_type()
    {
        var tag = Unique("S");
        var stream = Unique("subtypes-");
        var other = Unique("subtypes-other-");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var byType = Store.SubscribeToAllAsync(null, EventFilter.Types($"{tag}.Call."), cts.Token).GetAsyncEnumerator(cts.Token);
        await using var byBoth = Store.SubscribeToAllAsync(null, new EventFilter([stream], [$"{tag}.Call."]), cts.Token).GetAsyncEnumerator(cts.Token);

        await Store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent($"{tag}.Call.Arrived"), NewEvent($"{tag}.Agent.Ready")]);
        await Store.AppendAsync(other, ExpectedRevision.NoStream, [NewEvent($"{tag}.Call.Ended")]);
        await Store.AppendAsync(stream, ExpectedRevision.Exact(1), [NewEvent($"{tag}.Call.Ended")]);

        var types = await byType.TakeAsync(3, Patience);
        var both = await byBoth.TakeAsync(2, Patience);
        Assert.Equal([stream, other, stream], types.Select(e => e.StreamId));
        Assert.All(types, e => Assert.StartsWith($"{tag}.Call.", e.Type));
        Assert.Equal([$"{tag}.Call.Arrived", $"{tag}.Call.Ended"], both.Select(e => e.Type));
        Assert.All(both, e => Assert.Equal(stream, e.StreamId));
    }

    [StoreFact]
    public async Task Several_large_events_read_back_in_order_forwards_backwards_and_in_all()
    {
        var stream = Unique("large-many-");
        var events = Enumerable.Range(0, 3)
            .Select(i => NewEvent("Big", $$"""{"i":{{i}},"blob":"{{new string((char)('a' + i), 1024 * 1024)}}"}""")).ToArray();
        for (var i = 0; i < events.Length; i++)
            await Store.AppendAsync(stream, i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(i - 1), [events[i]]);

        var forwards = await Store.ReadStreamAsync(stream).ToListAsync();
        var backwards = await Store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue).ToListAsync();
        var all = await Store.ReadAllAtLeastAsync(3, null, EventFilter.Streams(stream));

        Assert.Equal(events.Select(e => e.EventId), forwards.Select(e => e.EventId));
        Assert.Equal(events.Reverse().Select(e => e.EventId), backwards.Select(e => e.EventId));
        Assert.Equal(events.Select(e => e.EventId), all.Select(e => e.EventId));
        for (var i = 0; i < events.Length; i++) AssertSameJson(events[i].Data, forwards[i].Data);
    }

    [StoreFact]
    public async Task Reading_all_after_the_last_position_finds_only_what_came_later()
    {
        var prefix = Unique("after-") + "-";
        var last = await Store.AppendAsync(prefix + "a", ExpectedRevision.NoStream, NewEvents(3));
        Assert.Empty(await Store.ReadAllAsync(last.Position, EventFilter.Streams(prefix)).ToListAsync());

        var later = NewEvent();
        await Store.AppendAsync(prefix + "b", ExpectedRevision.NoStream, [later]);
        var read = await Store.ReadAllAtLeastAsync(1, last.Position, EventFilter.Streams(prefix));
        Assert.Equal(later.EventId, Assert.Single(read).EventId);
    }

    [StoreFact]
    public async Task The_store_answers_a_ping() => Assert.True(await Store.PingAsync());
}
