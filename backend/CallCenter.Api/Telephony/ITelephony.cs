using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony;

/// <summary>Where a call goes: one of an agent, a skill-group queue or an external number.</summary>
public sealed record DialTarget(string? AgentId = null, string? Queue = null, string? Number = null);

/// <summary>
/// The telephony port: the softphone's commands to the PBX (R-PHONE-3…13). The PBX answers by reporting facts
/// (call events) through CTI ingestion; a method returns once its fact is stored. `by` is who pressed the button.
/// Errors: NotFoundException (no such call), ForbiddenException (not the agent's call), RuleViolationException
/// (the action does not fit the call's state).
/// </summary>
public interface ITelephony
{
    Task AnswerAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    /// <summary>R-PHONE-3: answer a call ringing at another agent.</summary>
    Task PickUpAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    Task HoldAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    Task RetrieveAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    Task MuteAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    Task UnmuteAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    /// <summary>Hang up; in a three-way call the agent leaves and the other two stay (R-PHONE-9).</summary>
    Task HangUpAsync(string callId, string agentId, EventMetadata by, CancellationToken ct);
    /// <summary>Outbound, click-to-call or internal call (R-PHONE-6, R-PHONE-7); returns the new call's id.</summary>
    Task<string> DialAsync(string agentId, DialTarget target, EventMetadata by, CancellationToken ct);
    /// <summary>Holds callId and dials the target about it; purpose "transfer" or "help" (R-PHONE-8, R-PHONE-11).</summary>
    Task<string> ConsultAsync(string callId, string agentId, DialTarget target, string purpose, EventMetadata by, CancellationToken ct);
    /// <summary>Blind transfer (R-PHONE-8).</summary>
    Task TransferAsync(string callId, string agentId, DialTarget target, EventMetadata by, CancellationToken ct);
    /// <summary>Consult then transfer: the consulted party takes the held call.</summary>
    Task CompleteTransferAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct);
    /// <summary>Three-way (R-PHONE-9) or three-party help (R-PHONE-11): joins the held call and the consult call.</summary>
    Task ConferenceAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct);
    /// <summary>R-PHONE-10: connect the held party to the consulted party and release self.</summary>
    Task ConnectAndReleaseAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct);
}

/// <summary>An inbound call as a (simulated) caller places it.</summary>
public sealed record InboundCall(string Ani, string? Dnis = null, string[]? IvrTrail = null, string? Queue = null,
    int? PatienceSeconds = null, int? SurveyScore = null);

/// <summary>The caller's side of the simulated PBX (the traffic generator, tests and the demo use it).</summary>
public interface ISimulatedCallers
{
    /// <summary>A caller dials in; the PBX checks the blacklist, queues and routes the call. Returns the call id.</summary>
    Task<string> CallInAsync(InboundCall call, CancellationToken ct);
    /// <summary>The caller (or external party) hangs up.</summary>
    Task CallerHangsUpAsync(string callId, CancellationToken ct);
}

/// <summary>
/// Call supervision (R-SUP-1…4) as the PBX applies it (docs/supervisor.md, "A real PBX"): the application has decided the step
/// (<see cref="Calls.CallSupervised"/>) and authorized the supervisor; the PBX bridges the supervisor's audio accordingly and
/// reports the facts through CTI ingestion — the CallSupervised itself, then each agent's CallPartyLeft on an intercept, or the
/// CallEnded of a force release — with the supervisor as actor. Returns once the facts are stored.
/// Errors: NotFoundException (no such call in progress), RuleViolationException (the call's legs do not allow it).
/// </summary>
public interface ICallSupervision
{
    Task SuperviseAsync(Calls.CallSupervised step, EventMetadata by, CancellationToken ct);
}
