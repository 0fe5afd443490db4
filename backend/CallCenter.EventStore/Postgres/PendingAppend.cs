using System.Text;

namespace CallCenter.EventStore;

/// <summary>One validated append on its way to the database, with the column arrays the append statement unnests.</summary>
internal sealed class PendingAppend
{
    public required string StreamId { get; init; }
    public required ExpectedRevision Expected { get; init; }
    public required Guid[] EventIds { get; init; }
    public required string[] Types { get; init; }
    public required string?[] Data { get; init; }
    public required string?[] Metadata { get; init; }
    /// <summary>Roughly the bytes it sends (to keep batches of large events small).</summary>
    public required long Size { get; init; }

    /// <summary>The caller's token: an append cancelled before its batch starts is dropped.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Set by <see cref="AppendBatcher"/> when the append's batch has run.</summary>
    public TaskCompletionSource<AppendOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => EventIds.Length;

    public static PendingAppend Create(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events)
    {
        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var data = new string?[events.Count];
        var metadata = new string?[events.Count];
        long size = streamId.Length;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException("An event is null.", nameof(events));
            if (e.EventId == Guid.Empty) throw new ArgumentException("An event id is empty.", nameof(events));
            if (!seen.Add(e.EventId)) throw new ArgumentException($"Event id {e.EventId} occurs twice in one append.", nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(e.Type, nameof(EventData.Type));
            ids[i] = e.EventId;
            types[i] = e.Type;
            data[i] = Json(e.Data);
            metadata[i] = Json(e.Metadata);
            size += 64 + e.Type.Length + e.Data.Length + e.Metadata.Length;
        }
        return new PendingAppend { StreamId = streamId, Expected = expected, EventIds = ids, Types = types, Data = data, Metadata = metadata, Size = size };
    }

    /// <summary>Empty = SQL NULL (read back as empty).</summary>
    static string? Json(ReadOnlyMemory<byte> utf8) => utf8.IsEmpty ? null : Encoding.UTF8.GetString(utf8.Span);
}

/// <summary>What happened to an append in the database.</summary>
internal abstract record AppendOutcome
{
    /// <summary>Written: the stream's head before it, and the position of its last event.</summary>
    public sealed record Written(long HeadBefore, long LastPosition) : AppendOutcome;

    /// <summary>Not written: the expected revision did not hold.</summary>
    public sealed record NotWritten : AppendOutcome;

    /// <summary>Not written: a unique index refused it (a concurrent append, or an event id already stored).</summary>
    public sealed record Refused(string? Constraint) : AppendOutcome;

    /// <summary>Not written: the batch it was in failed as a whole; run it on its own.</summary>
    public sealed record RetryAlone : AppendOutcome;
}
