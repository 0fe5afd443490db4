using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Calls;

// Events on `call-{callId}`. PBX facts arrive through CTI ingestion with the time they happened
// (`At` = the PBX's occurredAt); history may arrive after the fact. Wire name = "{type}.v1".
public abstract record CallEvent(string CallId, DateTimeOffset At);
public sealed record CallArrived(string CallId, string Ani, string? Dnis, string[] IvrTrail, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>R-ACD-3: the caller waits in a queue; position and expected wait as the PBX announced them (optional).</summary>
public sealed record CallQueued(string CallId, string Queue, DateTimeOffset At, int? Position = null, int? ExpectedWaitSeconds = null) : CallEvent(CallId, At);
/// <summary>The call rings at the agent (ACD routing, a transfer, an internal or consult call). Internal: no customer on this call.</summary>
public sealed record CallOffered(string CallId, string AgentId, string? Queue, DateTimeOffset At, bool Internal = false) : CallEvent(CallId, At);
public sealed record CallAnswered(string CallId, string AgentId, DateTimeOffset At, bool Internal = false) : CallEvent(CallId, At);
public sealed record CallHeld(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallRetrieved(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallTransferred(string CallId, string AgentId, string? TargetAgentId, string? TargetQueue, string? TargetNumber, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallConferenced(string CallId, string AgentId, string? TargetAgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallEnded(string CallId, string? AgentId, string? EndedBy, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallAbandoned(string CallId, string? Queue, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record SurveyCompleted(string CallId, string? AgentId, int Score, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>The PBX stored the call's recording (docs/recordings.md); DurationSeconds: the audio's length, when the PBX reports it.</summary>
public sealed record RecordingReady(string CallId, string RecordingUri, DateTimeOffset At, int? DurationSeconds = null) : CallEvent(CallId, At);
/// <summary>
/// The agent placed a call (R-PHONE-4/6/7/8/11). Kind: outbound (external number, click-to-call), internal (to another
/// agent), consult (about the held call ConsultFor, before a transfer or three-way), help (internal help about ConsultFor).
/// </summary>
public sealed record CallDialed(string CallId, string AgentId, string Kind, string? Number, string? TargetAgentId, string? TargetQueue,
    string? ConsultFor, DateTimeOffset At) : CallEvent(CallId, At);
public static class CallKinds
{
    public const string Outbound = "outbound";
    public const string Internal = "internal";
    public const string Consult = "consult";
    public const string Help = "help";
    public static readonly string[] All = [Outbound, Internal, Consult, Help];
    public static bool IsInternal(string kind) => kind != Outbound;
}
public sealed record CallMuted(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public sealed record CallUnmuted(string CallId, string AgentId, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>R-PHONE-9: one party left a three-way call and the others stay connected. Party: agent, customer or external.</summary>
public sealed record CallPartyLeft(string CallId, string Party, string? AgentId, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>R-ACD-4: refused on arrival (reason "blacklist").</summary>
public sealed record CallRejected(string CallId, string Ani, string Reason, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>R-ACD-5: nobody could answer, the caller left a voice message (the call then ends).</summary>
public sealed record VoiceMessageLeft(string CallId, string Ani, string? Queue, int DurationSeconds, DateTimeOffset At) : CallEvent(CallId, At);
/// <summary>
/// R-SUP-1…4 (docs/supervisor.md): a supervisor on the call, who is the event's actor. Mode: monitor (hears everyone, heard by
/// nobody), whisper (the agent hears them, the customer does not), barge (a three-party call), intercept (the supervisor keeps the
/// customer; each agent's CallPartyLeft follows), release (force release: CallEnded follows), leave (the supervisor hangs up,
/// the call goes on). AgentId: the agent whose call it was when the supervisor acted.
/// </summary>
public sealed record CallSupervised(string CallId, string SupervisorId, string Mode, string? AgentId, DateTimeOffset At) : CallEvent(CallId, At);
public static class SupervisionModes
{
    public const string Monitor = "monitor";
    public const string Whisper = "whisper";
    public const string Barge = "barge";
    public const string Intercept = "intercept";
    public const string Release = "release";
    public const string Leave = "leave";
    public static readonly string[] All = [Monitor, Whisper, Barge, Intercept, Release, Leave];
    /// <summary>Modes in which the supervisor is a party the others hear (they keep a call alive, R-PHONE-9).</summary>
    public static bool IsParty(string? mode) => mode is Barge or Intercept;
}
/// <summary>R-TAG-1: the agent's tag, with the business area of the customer the call was about (null when unknown).</summary>
public sealed record CallTagged(string CallId, string AgentId, string Purpose, string Subtype, string? CustomerId, string? Area, DateTimeOffset At) : CallEvent(CallId, At);

/// <summary>
/// Only what call decisions need. Tags: each agent who handled the call tags their own part (the latest tag of each).
/// OnCall: the agents connected now; Supervisor and SupervisionMode: who supervises it, how (R-SUP).
/// </summary>
public sealed record Call(bool Exists, string? Ani, bool Ended, string[] AgentsWhoAnswered, CallTagged? Tag = null)
{
    public string[] OnCall { get; init; } = [];
    public string? Supervisor { get; init; }
    public string? SupervisionMode { get; init; }
    public IReadOnlyDictionary<string, CallTagged> Tags { get; init; } = new Dictionary<string, CallTagged>();
    public CallTagged? TagOf(string agentId) => Tags.GetValueOrDefault(agentId);
}

public sealed class CallStream : IStreamType<Call, CallEvent>
{
    public const string Prefix = "call-";
    public static string StreamId(string callId) => Prefix + callId;
    public static Call Initial { get; } = new(false, null, false, []);

    public static Call Evolve(Call s, CallEvent e) => Connections(Facts(s, e), e);

    /// <summary>Who is on the call now: agents joining and leaving, the supervisor.</summary>
    static Call Connections(Call s, CallEvent e) => e switch
    {
        CallAnswered x => s with { OnCall = With(s.OnCall, x.AgentId) },
        CallDialed x => s with { OnCall = With(s.OnCall, x.AgentId) },
        CallConferenced { TargetAgentId: { } t } => s with { OnCall = With(s.OnCall, t) },
        CallPartyLeft { AgentId: { } a } => s with { OnCall = [.. s.OnCall.Where(x => x != a)] },
        CallTransferred x => s with { OnCall = [.. s.OnCall.Where(a => a != x.AgentId)] },
        CallEnded or CallAbandoned or CallRejected => s with { OnCall = [], Supervisor = null, SupervisionMode = null },
        CallSupervised { Mode: SupervisionModes.Leave } => s with { Supervisor = null, SupervisionMode = null },
        CallSupervised { Mode: SupervisionModes.Release } => s,
        CallSupervised x => s with { Supervisor = x.SupervisorId, SupervisionMode = x.Mode },
        _ => s,
    };

    static Call Facts(Call s, CallEvent e) => e switch
    {
        CallArrived x => s with { Exists = true, Ani = x.Ani },
        CallAnswered x => s with { Exists = true, AgentsWhoAnswered = With(s.AgentsWhoAnswered, x.AgentId) },
        CallDialed x => s with { Exists = true, Ani = x.Number, AgentsWhoAnswered = With(s.AgentsWhoAnswered, x.AgentId) },
        CallConferenced { TargetAgentId: { } t } => s with { Exists = true, AgentsWhoAnswered = With(s.AgentsWhoAnswered, t) },
        CallEnded or CallAbandoned or CallRejected => s with { Exists = true, Ended = true },
        CallTagged x => s with { Exists = true, Tag = x, Tags = new Dictionary<string, CallTagged>(s.Tags) { [x.AgentId] = x } },
        _ => s with { Exists = true },
    };

    /// <summary>
    /// The order of a call's events stamped with the same time, whatever order they were stored in (a PBX reports whole seconds):
    /// the call arrives (or is dialled), queues, is offered (or rejected), answered, joined, held and retrieved, then left, abandoned,
    /// ended, and only then recorded, tagged and surveyed. Equal ranks keep their stored order.
    /// </summary>
    public static int TieRank(CallEvent e) => e switch
    {
        CallArrived or CallDialed => 0,
        CallQueued => 1,
        CallOffered => 2,
        CallRejected => 3,
        CallAnswered => 4,
        CallConferenced => 5,
        CallHeld => 6,
        CallRetrieved => 7,
        CallMuted or CallUnmuted => 8,
        CallTransferred or CallSupervised => 9, // a supervisor's step comes before the leaves and the end it causes
        CallPartyLeft => 10,
        CallAbandoned or VoiceMessageLeft => 11,
        CallEnded => 12,
        RecordingReady => 13,
        CallTagged => 14,
        _ => 15,
    };

    /// <summary>Event-time order within a call: by time, then <see cref="TieRank"/>, then as given (the sort is stable).</summary>
    public static IEnumerable<T> InEventTime<T>(IEnumerable<T> events, Func<T, CallEvent> of) =>
        events.OrderBy(x => of(x).At).ThenBy(x => TieRank(of(x)));

    static string[] With(string[] agents, string agent) => agents.Contains(agent) ? agents : [.. agents, agent];

    /// <summary>The PBX event types, as CTI names them (the wire name adds ".v1").</summary>
    public static readonly string[] CtiTypes =
    [
        nameof(CallArrived), nameof(CallQueued), nameof(CallOffered), nameof(CallAnswered), nameof(CallHeld), nameof(CallRetrieved),
        nameof(CallTransferred), nameof(CallConferenced), nameof(CallEnded), nameof(CallAbandoned), nameof(SurveyCompleted), nameof(RecordingReady),
        // Beyond API.md's list (additive): what the softphone's actions and the ACD report.
        nameof(CallDialed), nameof(CallMuted), nameof(CallUnmuted), nameof(CallPartyLeft), nameof(CallRejected), nameof(VoiceMessageLeft),
        nameof(CallSupervised),
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
        CallDialed => "CallDialed.v1",
        CallMuted => "CallMuted.v1",
        CallUnmuted => "CallUnmuted.v1",
        CallPartyLeft => "CallPartyLeft.v1",
        CallRejected => "CallRejected.v1",
        VoiceMessageLeft => "VoiceMessageLeft.v1",
        CallTagged => "CallTagged.v1",
        CallSupervised => "CallSupervised.v1",
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
        "CallDialed.v1" => Read<CallDialed>(data),
        "CallMuted.v1" => Read<CallMuted>(data),
        "CallUnmuted.v1" => Read<CallUnmuted>(data),
        "CallPartyLeft.v1" => Read<CallPartyLeft>(data),
        "CallRejected.v1" => Read<CallRejected>(data),
        "VoiceMessageLeft.v1" => Read<VoiceMessageLeft>(data),
        "CallTagged.v1" => Read<CallTagged>(data),
        "CallSupervised.v1" => Read<CallSupervised>(data),
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
