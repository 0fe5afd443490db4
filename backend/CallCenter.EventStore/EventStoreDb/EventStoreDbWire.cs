using System.Text;
using CallCenter.EventStore.EventStoreDb.Wire;
using Google.Protobuf;

namespace CallCenter.EventStore.EventStoreDb;

/// <summary>Our types to and from the wire messages.</summary>
internal static class EventStoreDbWire
{
    public static StreamName Stream(string streamId) => new() { StreamName_ = ByteString.CopyFromUtf8(streamId) };

    public static AppendRequest Header(string streamId, ExpectedRevision expected)
    {
        var header = new AppendRequest.Types.Header { Stream = Stream(streamId) };
        if (expected.IsAny) header.Any = new Nothing();
        else if (expected.IsNoStream) header.NoStream = new Nothing();
        else header.Revision = (ulong)expected.Value;
        return new AppendRequest { Options = header };
    }

    public static AppendRequest Proposed(EventData e) => new()
    {
        ProposedMessage = new AppendRequest.Types.Proposed
        {
            Id = new Uuid { String = e.EventId.ToString("D") },
            Properties = { ["type"] = e.Type, ["content-type"] = "application/json" },
            Data = UnsafeByteOperations.UnsafeWrap(e.Data),
            CustomMetadata = UnsafeByteOperations.UnsafeWrap(e.Metadata),
        },
    };

    public static RecordedEvent ToRecorded(ReadResponse.Types.StoredEvent e) => new(
        EventId: ToGuid(e.Id),
        StreamId: e.Stream.StreamName_.ToStringUtf8(),
        StreamRevision: (long)e.StreamRevision,
        Position: e.CommitPosition,
        Type: e.Properties.TryGetValue("type", out var type) ? type : "",
        Data: e.Data.Memory,
        Metadata: e.CustomMetadata.Memory,
        Created: e.Properties.TryGetValue("created", out var created) && long.TryParse(created, out var ticks)
            ? new DateTimeOffset(DateTime.UnixEpoch.Ticks + ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue);

    static Guid ToGuid(Uuid id) => id.ValueCase switch
    {
        Uuid.ValueOneofCase.String => Guid.Parse(id.String),
        Uuid.ValueOneofCase.Structured => FromHalves(id.Structured),
        _ => Guid.Empty,
    };

    /// <summary>The structured form holds the RFC 4122 bytes as two big-endian 64-bit halves.</summary>
    static Guid FromHalves(Uuid.Types.Halves halves)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, halves.MostSignificantBits);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], halves.LeastSignificantBits);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The server filters by one thing: stream prefixes if given, else type prefixes, else it drops system
    /// events ($-types). Whatever the server cannot filter, <see cref="Wanted"/> does.</summary>
    public static ReadOptions.Types.Filter ServerFilter(EventFilter? filter, uint window)
    {
        var server = new ReadOptions.Types.Filter { Max = window, CheckpointIntervalMultiplier = 1 };
        if (filter?.StreamPrefixes is { } streams) server.StreamName = new ReadOptions.Types.Filter.Types.Match { Prefix = { streams } };
        else if (filter?.EventTypePrefixes is { } types) server.EventType = new ReadOptions.Types.Filter.Types.Match { Prefix = { types } };
        else server.EventType = new ReadOptions.Types.Filter.Types.Match { Regex = @"^[^\$]" };
        return server;
    }

    /// <summary>Ours: matches the filter, and no system event unless a prefix asks for one.</summary>
    public static bool Wanted(EventFilter? filter, RecordedEvent e) =>
        (filter ?? EventFilter.All).Matches(e.StreamId, e.Type)
        && (!e.Type.StartsWith('$') || filter?.EventTypePrefixes?.Any(p => p.StartsWith('$')) == true)
        && (!e.StreamId.StartsWith('$') || filter?.StreamPrefixes?.Any(p => p.StartsWith('$')) == true);

    public static string Describe(EventFilter? filter) =>
        filter is null ? "all" : new StringBuilder().Append("streams ").AppendJoin('|', filter.StreamPrefixes ?? ["*"])
            .Append(", types ").AppendJoin('|', filter.EventTypePrefixes ?? ["*"]).ToString();
}
