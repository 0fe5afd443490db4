using System.Text.Json;

namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>Who and what caused an event (stored as the event's metadata).</summary>
public sealed record EventMetadata(string Actor, string Source, Guid CorrelationId, Guid? CausationId = null)
{
    public static class Sources
    {
        public const string Agent = "agent";
        public const string Supervisor = "supervisor";
        public const string Admin = "admin";
        public const string Pbx = "pbx";
        public const string Simulator = "simulator";
        public const string System = "system";
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json.Options);

    public static EventMetadata? FromJson(ReadOnlyMemory<byte> json) =>
        json.IsEmpty ? null : JsonSerializer.Deserialize<EventMetadata>(json.Span, Json.Options);
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
