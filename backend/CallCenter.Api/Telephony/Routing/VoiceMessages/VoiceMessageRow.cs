namespace CallCenter.Telephony.Routing.VoiceMessages;

/// <summary>Read model: one voice message per call (R-ACD-5), owned by <see cref="VoiceMessageProjection"/>.</summary>
public sealed class VoiceMessageRow
{
    public const string Table = "voice_messages";
    public required string CallId { get; set; }
    public required string Ani { get; set; }
    public string? Queue { get; set; }
    public int DurationSeconds { get; set; }
    public DateTimeOffset At { get; set; }
    public long Position { get; set; }

    public const string Ddl = """
        create table if not exists voice_messages (
            call_id text primary key,
            ani text not null,
            queue text,
            duration_seconds integer not null,
            at timestamptz not null,
            position bigint not null);
        create index if not exists ix_voice_messages_at on voice_messages (at desc);
        create table if not exists voice_messages_handled (
            call_id text primary key,
            handled_by text not null,
            handled_at timestamptz not null);
        """;
}

/// <param name="HandledBy">Who marked the message handled (null: still to do).</param>
public sealed record VoiceMessageDto(string CallId, string Ani, string? Queue, int DurationSeconds, DateTimeOffset At, string AudioUrl,
    string? HandledBy = null, DateTimeOffset? HandledAt = null)
{
    public static VoiceMessageDto From(VoiceMessageRow r, (string By, DateTimeOffset At)? handled = null) =>
        new(r.CallId, r.Ani, r.Queue, r.DurationSeconds, r.At, $"/api/voice-messages/{Uri.EscapeDataString(r.CallId)}/audio", handled?.By, handled?.At);
}
