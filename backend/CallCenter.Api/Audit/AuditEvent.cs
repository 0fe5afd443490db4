using System.Text.Json;
using System.Text.Json.Serialization;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Audit;

/// <summary>
/// One stored event as the auditor sees it: where it is in the store, when it happened (At, the event's own time)
/// and was recorded, who caused it (the metadata's actor and source), and its data as stored.
/// Position is a string: it may exceed what a JavaScript number holds exactly.
/// </summary>
public sealed record AuditEvent(
    string Position, string StreamId, long Revision, Guid EventId, string Type, DateTimeOffset? At, DateTimeOffset RecordedAt,
    string? Actor, string? Source, Guid? CorrelationId, Guid? CausationId, RawJson Data)
{
    public static AuditEvent From(RecordedEvent e, DateTimeOffset? at, TimeZoneInfo zone)
    {
        var meta = Metadata(e.Metadata);
        return new(e.Position.ToString(), e.StreamId, e.StreamRevision, e.EventId, e.Type, at is { } t ? CenterTime.Local(t, zone) : null,
            CenterTime.Local(e.Created, zone), meta?.Actor, meta?.Source, meta?.CorrelationId, meta?.CausationId, new RawJson(e.Data));
    }

    static EventMetadata? Metadata(ReadOnlyMemory<byte> json)
    {
        try { return EventMetadata.FromJson(json); }
        catch (JsonException) { return null; } // foreign metadata: shown without an actor
    }
}

/// <summary>Stored JSON written through as it is (no parse and re-serialise per event).</summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(ReadOnlyMemory<byte> Utf8);

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return new RawJson(JsonSerializer.SerializeToUtf8Bytes(doc.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
    {
        if (value.Utf8.IsEmpty) writer.WriteNullValue();
        else writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
