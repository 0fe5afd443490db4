using System.Text.Json;
using CallCenter.EventStore;

namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>
/// Loads a stream that folds in event time (decision 0012): the state is the stream's events folded in the order of their
/// own time (ties in stream order), whatever order they were stored in, and the cost of a load does not grow with the
/// stream's history. A snapshot (stream <c>snapshot-{stream}</c>, on either event store) holds, for the stream up to a
/// revision, the state folded over the events older than a cutoff, and the newer ones ("tail") as they were stored.
/// A load reads the latest snapshot and the events after its revision, and folds tail and new events in event time on top.
/// An event stored after the snapshot but older than its cutoff (more than <see cref="Lateness"/> older than the newest
/// event the snapshot saw) cannot be placed that way: that load folds the whole stream (rare, and it writes a new snapshot).
/// </summary>
public static class EventTimeLoader
{
    /// <summary>A snapshot is written when a load had to fold at least this many events.</summary>
    public const int SnapshotEvery = 100;
    /// <summary>How late an event may arrive and still be placed on a snapshot without refolding the stream.</summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromHours(1);
    public const string SnapshotType = "Snapshot.v1";

    public static string SnapshotStream(string streamId) => "snapshot-" + streamId;

    sealed record TailEvent(long Revision, string Type, JsonElement Data);
    sealed record Snapshot<TState>(long Revision, DateTimeOffset Cutoff, TState State, List<TailEvent> Tail);
    sealed record Loaded<TEvent>(long Revision, string Type, ReadOnlyMemory<byte> Data, TEvent Event);

    /// <summary>The state folded in event time and the stream's revision; <paramref name="maxRevision"/> stops the read there (projections).</summary>
    public static async Task<(TState State, long Revision)> LoadAsync<TStream, TState, TEvent>(IEventStore store, string id, CancellationToken ct,
        long? maxRevision = null)
        where TStream : IStreamType<TState, TEvent> where TEvent : class
    {
        var streamId = TStream.StreamId(id);
        var snapshot = maxRevision is null ? await LatestSnapshotAsync<TState>(store, streamId, ct) : null;
        var from = snapshot is null ? 0 : snapshot.Revision + 1;
        var (read, revision) = await ReadAsync<TStream, TState, TEvent>(store, streamId, from, maxRevision, ct);
        if (snapshot is not null && read.Any(e => TStream.EventTime(e.Event) < snapshot.Cutoff))
        {
            snapshot = null; // an event arrived later than the snapshot can place: fold everything once
            (read, revision) = await ReadAsync<TStream, TState, TEvent>(store, streamId, 0, revision, ct);
        }
        var pending = snapshot is null ? read : [.. Tail<TStream, TState, TEvent>(snapshot), .. read];
        var ordered = pending.OrderBy(e => TStream.EventTime(e.Event)).ThenBy(e => TStream.EventRank(e.Event)).ToList(); // stable: then stream order
        var state = snapshot is null ? TStream.Initial : snapshot.State;
        if (read.Count >= SnapshotEvery && maxRevision is null)
        {
            var cutoff = ordered.Count == 0 ? DateTimeOffset.MinValue : TStream.EventTime(ordered[^1].Event) - Lateness;
            if (snapshot is not null && snapshot.Cutoff > cutoff) cutoff = snapshot.Cutoff;
            var before = ordered.TakeWhile(e => TStream.EventTime(e.Event) < cutoff).ToList();
            foreach (var e in before) state = TStream.Evolve(state, e.Event);
            var tail = ordered.Skip(before.Count).ToList();
            await WriteSnapshotAsync(store, streamId, new Snapshot<TState>(revision, cutoff, state,
                [.. tail.OrderBy(e => e.Revision).Select(e => new TailEvent(e.Revision, e.Type, JsonSerializer.Deserialize<JsonElement>(e.Data.Span)))]), ct);
            ordered = tail;
        }
        foreach (var e in ordered) state = TStream.Evolve(state, e.Event);
        return (state, revision);
    }

    /// <summary>The decoded events from <paramref name="from"/> through <paramref name="to"/> (null: the end), and the last revision read (unknown types count).</summary>
    static async Task<(List<Loaded<TEvent>> Events, long Last)> ReadAsync<TStream, TState, TEvent>(IEventStore store, string streamId, long from, long? to, CancellationToken ct)
        where TStream : IStreamType<TState, TEvent> where TEvent : class
    {
        var list = new List<Loaded<TEvent>>();
        var lastRead = from - 1;
        if (to is { } last && last < from) return (list, lastRead);
        var max = to is { } l ? (int)Math.Min(l - from + 1, int.MaxValue) : int.MaxValue;
        await foreach (var e in store.ReadStreamAsync(streamId, ReadDirection.Forwards, from, max, ct))
        {
            lastRead = e.StreamRevision;
            if (TStream.Decode(e.Type, e.Data) is { } decoded) list.Add(new(e.StreamRevision, e.Type, e.Data, decoded));
        }
        return (list, lastRead);
    }

    static IEnumerable<Loaded<TEvent>> Tail<TStream, TState, TEvent>(Snapshot<TState> snapshot)
        where TStream : IStreamType<TState, TEvent> where TEvent : class
    {
        foreach (var t in snapshot.Tail)
        {
            var data = JsonSerializer.SerializeToUtf8Bytes(t.Data);
            if (TStream.Decode(t.Type, data) is { } e) yield return new(t.Revision, t.Type, data, e);
        }
    }

    static async Task<Snapshot<TState>?> LatestSnapshotAsync<TState>(IEventStore store, string streamId, CancellationToken ct)
    {
        try
        {
            await foreach (var e in store.ReadStreamAsync(SnapshotStream(streamId), ReadDirection.Backwards, long.MaxValue, 1, ct))
                return e.Type == SnapshotType ? JsonSerializer.Deserialize<Snapshot<TState>>(e.Data.Span, Json.Options) : null;
        }
        catch (JsonException) { } // a snapshot of an older state shape: fold the stream
        return null;
    }

    static async Task WriteSnapshotAsync<TState>(IEventStore store, string streamId, Snapshot<TState> snapshot, CancellationToken ct)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(snapshot, Json.Options);
        var metadata = new EventMetadata("system", EventMetadata.Sources.System, Guid.NewGuid()).ToJson();
        await store.AppendAsync(SnapshotStream(streamId), ExpectedRevision.Any, [new EventData(Guid.NewGuid(), SnapshotType, data, metadata)], ct);
    }
}
