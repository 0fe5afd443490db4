using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony.Routing.VoiceMessages;

// What the desk does with a voice message, on `voicemessage-{callId}` (the message itself is the PBX's VoiceMessageLeft on the call).
public abstract record VoiceMessageEvent(string CallId, DateTimeOffset At);
/// <summary>An agent dealt with the message (listened, called back or found nothing to do).</summary>
public sealed record VoiceMessageHandled(string CallId, string By, DateTimeOffset At) : VoiceMessageEvent(CallId, At);

public sealed record VoiceMessageState(string? HandledBy);

public sealed class VoiceMessageStream : IStreamType<VoiceMessageState, VoiceMessageEvent>
{
    public const string Prefix = "voicemessage-";
    public static string StreamId(string id) => Prefix + id;
    public static VoiceMessageState Initial { get; } = new((string?)null);

    public static VoiceMessageState Evolve(VoiceMessageState s, VoiceMessageEvent e) => e switch
    {
        VoiceMessageHandled h => s with { HandledBy = h.By },
        _ => s,
    };

    public static string WireName(VoiceMessageEvent e) => e switch
    {
        VoiceMessageHandled => "VoiceMessageHandled.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static VoiceMessageEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "VoiceMessageHandled.v1" => JsonSerializer.Deserialize<VoiceMessageHandled>(data.Span, Json.Options),
        _ => null,
    };

    /// <summary>Marks the message handled; a message handled already (by anyone) decides nothing.</summary>
    public static IReadOnlyList<VoiceMessageEvent> Handle(VoiceMessageState s, string callId, string by, DateTimeOffset now) =>
        s.HandledBy is null ? [new VoiceMessageHandled(callId, by, now)] : [];
}
