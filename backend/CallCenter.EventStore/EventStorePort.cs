namespace CallCenter.EventStore;

/// <summary>What an append expects the stream to be at (EventStoreDB semantics).</summary>
public readonly record struct ExpectedRevision(long Value)
{
    /// <summary>The stream must not exist yet.</summary>
    public static readonly ExpectedRevision NoStream = new(-1);
    /// <summary>No check.</summary>
    public static readonly ExpectedRevision Any = new(-2);
    /// <summary>The stream's last event must have exactly this revision (0-based).</summary>
    public static ExpectedRevision Exact(long revision) => new(revision);
    public bool IsAny => Value == -2;
    public bool IsNoStream => Value == -1;
    public override string ToString() => IsAny ? "any" : IsNoStream ? "no-stream" : Value.ToString();
}

/// <summary>An event to append. <paramref name="Data"/> and <paramref name="Metadata"/> are UTF-8 JSON.</summary>
public sealed record EventData(Guid EventId, string Type, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata);

/// <summary>An event as stored. Position is the global, strictly increasing (not dense) position in $all.</summary>
public sealed record RecordedEvent(
    Guid EventId, string StreamId, long StreamRevision, ulong Position, string Type,
    ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata, DateTimeOffset Created);

/// <summary>Result of an append: the stream's revision after it and the position of its last event.
/// <paramref name="Duplicate"/> is true when every event id was already stored (idempotent retry: nothing written).</summary>
public sealed record AppendResult(long NextExpectedRevision, ulong Position, bool Duplicate);

public enum ReadDirection { Forwards, Backwards }

/// <summary>Filter for $all reads and subscriptions: by stream-id prefix and/or event-type prefix (null = everything).</summary>
public sealed record EventFilter(IReadOnlyList<string>? StreamPrefixes = null, IReadOnlyList<string>? EventTypePrefixes = null)
{
    public static readonly EventFilter All = new();
    public static EventFilter Streams(params string[] prefixes) => new(StreamPrefixes: prefixes);
    public static EventFilter Types(params string[] prefixes) => new(EventTypePrefixes: prefixes);
    public bool Matches(string streamId, string type) =>
        (StreamPrefixes is null || StreamPrefixes.Any(p => streamId.StartsWith(p, StringComparison.Ordinal))) &&
        (EventTypePrefixes is null || EventTypePrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal)));
}

/// <summary>The expected revision did not hold (maps to HTTP 409).</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedRevision expected, long actual)
    : Exception($"Stream '{streamId}' expected revision {expected} but is at {(actual < 0 ? "no-stream" : actual)}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedRevision Expected { get; } = expected;
    public long Actual { get; } = actual;
}

/// <summary>The event-store port. Adapters: PostgreSQL (embedded default), EventStoreDB (production).</summary>
public interface IEventStore
{
    /// <summary>Appends atomically. Idempotent by event id: if all ids are already in this stream, nothing is written and Duplicate = true.</summary>
    Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default);

    /// <summary>Reads one stream. Forwards starts at <paramref name="fromRevision"/> (inclusive); backwards from it (use long.MaxValue for the end).</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forwards,
        long fromRevision = 0, int maxCount = int.MaxValue, CancellationToken ct = default);

    /// <summary>
    /// Reads several whole streams, each forwards, one stream after another in the order given (missing streams yield nothing).
    /// For replays that need many short streams at once (the audit's calls); adapters may answer in one round trip.
    /// </summary>
    async IAsyncEnumerable<RecordedEvent> ReadStreamsAsync(IReadOnlyList<string> streamIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var streamId in streamIds)
            await foreach (var e in ReadStreamAsync(streamId, ReadDirection.Forwards, 0, int.MaxValue, ct)) yield return e;
    }

    /// <summary>Reads $all forwards from after <paramref name="afterPosition"/> (null = from the start). Only ever returns a gap-free
    /// prefix: an event that commits later will always have a higher position than everything returned.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(ulong? afterPosition, EventFilter? filter = null, int maxCount = int.MaxValue, CancellationToken ct = default);

    /// <summary>Catch-up subscription to $all: everything after <paramref name="afterPosition"/>, then live, in position order,
    /// each event exactly once. Runs until cancelled.</summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(ulong? afterPosition, EventFilter? filter = null, CancellationToken ct = default);

    /// <summary>True when the store answers (for /health).</summary>
    Task<bool> PingAsync(CancellationToken ct = default);
}

/// <summary>The stream was deleted (EventStoreDB: tombstoned); it can be neither read nor appended to.</summary>
public sealed class StreamDeletedException(string streamId) : Exception($"Stream '{streamId}' is deleted.")
{
    public string StreamId { get; } = streamId;
}

/// <summary>The store could not be reached (or found no leader) within its retries.</summary>
public sealed class EventStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
