using System.Text;

namespace CallCenter.EventStore;

/// <summary>An append's events as the column arrays the append statement unnests.</summary>
internal sealed record AppendBatch(Guid[] EventIds, string[] Types, string?[] Data, string?[] Metadata)
{
    public static AppendBatch From(IReadOnlyList<EventData> events)
    {
        var batch = new AppendBatch(new Guid[events.Count], new string[events.Count], new string?[events.Count], new string?[events.Count]);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException("An event is null.", nameof(events));
            if (e.EventId == Guid.Empty) throw new ArgumentException("An event id is empty.", nameof(events));
            if (!seen.Add(e.EventId)) throw new ArgumentException($"Event id {e.EventId} occurs twice in one append.", nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(e.Type, nameof(EventData.Type));
            batch.EventIds[i] = e.EventId;
            batch.Types[i] = e.Type;
            batch.Data[i] = Json(e.Data);
            batch.Metadata[i] = Json(e.Metadata);
        }
        return batch;
    }

    /// <summary>Empty = SQL NULL (read back as empty).</summary>
    static string? Json(ReadOnlyMemory<byte> utf8) => utf8.IsEmpty ? null : Encoding.UTF8.GetString(utf8.Span);
}
