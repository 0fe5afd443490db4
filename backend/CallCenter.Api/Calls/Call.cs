using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Calls;

// Events on `call-{callId}`. PBX facts arrive through CTI ingestion with the time they happened
// (`At` = the PBX's occurredAt); history may arrive after the fact. Wire name = "{type}.v1".
public abstract record CallEvent(string CallId, DateTimeOffset At);
public sealed record CallArrived(string CallId, string Ani, string? Dnis, string[] IvrTrail, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallQueued(string CallId, string Queue, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallOffered(string CallId, string AgentId, string? Queue, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallAnswered(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallHeld(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallRetrieved(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallTransferred(string CallId, string AgentId, string? TargetAgentId, string? TargetQueue, string? TargetNumber, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallConferenced(string CallId, string AgentId, string? TargetAgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallEnded(string CallId, string? AgentId, string? EndedBy, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallAbandoned(string CallId, string? Queue, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record SurveyCompleted(string CallId, string? AgentId, int Score, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record RecordingReady(string CallId, string RecordingUri, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>R-TAG-1: the agent's tag, with the business area of the customer the call was about (null when unknown).</summary>
public sealed record CallTagged(string CallId, string AgentId, string Purpose, string Subtype, string? CustomerId, string? Area, DateTimeOffset At) : CallEvent(CallId, At);

/// <summary>Only what call decisions need.</summary>
public sealed record Call(bool Exists, string? Ani, bool Ended, string[] AgentsWhoAnswered, CallTagged? Tag = null);

public sealed class CallStream : IStreamType<Call, CallEvent>
{
    public const string Prefix = "call-";
    public static string StreamId(string callId) => Prefix + callId;
    public static Call Initial { get; } = new(false, null, false, []);

    public static Call Evolve(Call s, CallEvent e) => e switch
    {
        CallArrived x => s with { Exists = true, Ani = x.Ani },
        CallAnswered x => s with { Exists = true, AgentsWhoAnswered = s.AgentsWhoAnswered.Contains(x.AgentId) ? s.AgentsWhoAnswered : [.. s.AgentsWhoAnswered, x.AgentId] },
        CallEnded or CallAbandoned => s with { Exists = true, Ended = true },
        CallTagged x => s with { Exists = true, Tag = x },
        _ => s with { Exists = true },
    };

    /// <summary>The PBX event types, as CTI names them (the wire name adds ".v1").</summary>
    public static readonly string[] CtiTypes =
    [
        nameof(CallArrived), nameof(CallQueued), nameof(CallOffered), nameof(CallAnswered), nameof(CallHeld), nameof(CallRetrieved),
        nameof(CallTransferred), nameof(CallConferenced), nameof(CallEnded), nameof(CallAbandoned), nameof(SurveyCompleted), nameof(RecordingReady),
    ];

    public static string WireName(CallEvent e) => e switch
    {
        CallArrived => "CallArrived.v1",
        CallQueued => "CallQueued.v1",
        CallOffered => "CallOffered.v1",
        CallAnswered => "CallAnswered.v1",
        CallHeld => "CallHeld.v1",
        CallRetrieved => "CallRetrieved.v1",
        CallTransferred => "CallTransferred.v1",
        CallConferenced => "CallConferenced.v1",
        CallEnded => "CallEnded.v1",
        CallAbandoned => "CallAbandoned.v1",
        SurveyCompleted => "SurveyCompleted.v1",
        RecordingReady => "RecordingReady.v1",
        CallTagged => "CallTagged.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static CallEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "CallArrived.v1" => Read<CallArrived>(data),
        "CallQueued.v1" => Read<CallQueued>(data),
        "CallOffered.v1" => Read<CallOffered>(data),
        "CallAnswered.v1" => Read<CallAnswered>(data),
        "CallHeld.v1" => Read<CallHeld>(data),
        "CallRetrieved.v1" => Read<CallRetrieved>(data),
        "CallTransferred.v1" => Read<CallTransferred>(data),
        "CallConferenced.v1" => Read<CallConferenced>(data),
        "CallEnded.v1" => Read<CallEnded>(data),
        "CallAbandoned.v1" => Read<CallAbandoned>(data),
        "SurveyCompleted.v1" => Read<SurveyCompleted>(data),
        "RecordingReady.v1" => Read<RecordingReady>(data),
        "CallTagged.v1" => Read<CallTagged>(data),
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
