using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Recordings;

// Events on `recording-{callId}` (one recording per call; its id is the call id). The PBX's RecordingReady stays on the
// call's stream (it is a PBX fact); what people do with the recording afterwards lives here.
public abstract record RecordingEvent(string RecordingId, DateTimeOffset At);
/// <summary>Someone played ("play") or downloaded ("download") the recording (R-REC-1: who listened to what).</summary>
public sealed record RecordingAccessed(string RecordingId, string UserId, string Kind, DateTimeOffset At) : RecordingEvent(RecordingId, At);
/// <summary>The audio was removed from the store (Reason: "retention").</summary>
public sealed record RecordingDeleted(string RecordingId, string Reason, DateTimeOffset At) : RecordingEvent(RecordingId, At);

public static class AccessKinds
{
    public const string Play = "play";
    public const string Download = "download";
}

public sealed record Recording(bool Deleted);

public sealed class RecordingStream : IStreamType<Recording, RecordingEvent>
{
    public const string Prefix = "recording-";
    public static string StreamId(string id) => Prefix + id;
    public static Recording Initial { get; } = new(false);

    public static Recording Evolve(Recording s, RecordingEvent e) => e switch
    {
        RecordingDeleted => s with { Deleted = true },
        _ => s,
    };

    public static string WireName(RecordingEvent e) => e switch
    {
        RecordingAccessed => "RecordingAccessed.v1",
        RecordingDeleted => "RecordingDeleted.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static RecordingEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "RecordingAccessed.v1" => JsonSerializer.Deserialize<RecordingAccessed>(data.Span, Json.Options),
        "RecordingDeleted.v1" => JsonSerializer.Deserialize<RecordingDeleted>(data.Span, Json.Options),
        _ => null,
    };
}
