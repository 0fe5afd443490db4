using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony.Pbx;

// Handing calls on: blind and consult transfer (R-PHONE-8), three-way and three-party help (R-PHONE-9, R-PHONE-11),
// connect-and-release (R-PHONE-10).
public sealed partial class SimulatedPbx
{
    public Task TransferAsync(string callId, string agentId, DialTarget target, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(callId);
        var leg = LegOf(call, agentId);
        if (leg.State == LegState.Ringing) throw new RuleViolationException($"Answer call '{callId}' first.", "answerFirst");
        if (call.Connected.Count() > 1) throw new RuleViolationException("Leave the conference instead (hang up): the others stay connected.", "leaveConference");
        var callee = await CalleeAsync(agentId, target, ct);
        var number = callee is null ? target.Number : ForwardingOf(callee);
        call.Legs.Remove(leg);
        Left(agentId);
        var transferred = Fact("CallTransferred", call, agentId) with
        {
            TargetAgentId = callee?.AgentId, TargetQueue = target.Queue, TargetNumber = number,
        };
        if (number is not null)
        {
            await ReportAsync(by, ct, transferred, Fact("CallEnded", call, null) with { EndedBy = "transferred-out" });
            Forget(call);
        }
        else if (target.AgentId is not null)
        {
            await ReportAsync(by, ct, transferred);
            await OfferAsync(call, callee!, by, ct); // R-POP-6: the pop follows the call
        }
        else
        {
            call.Queue = target.Queue;
            call.QueuedAt = Now;
            call.Skipped.Clear();
            var position = calls.Values.Count(w => w.IsWaiting && w.Queue == call.Queue);
            await ReportAsync(by, ct, transferred with { TargetAgentId = null },
                Fact("CallQueued", call) with { Position = position, ExpectedWaitSeconds = ExpectedWait(call, position) });
            await RouteAsync(ct);
        }
    }, ct);

    public Task CompleteTransferAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct) =>
        Locked(async () =>
        {
            var (call, consult, consulted) = Consultation(callId, consultCallId, agentId);
            call.Legs.Remove(call.LegOf(agentId)!);
            consult.Legs.Clear();
            Left(agentId);
            var facts = new List<CtiEvent>();
            if (consulted is null) // an external number takes the customer: the call leaves the center
            {
                facts.Add(Fact("CallTransferred", call, agentId) with { TargetNumber = consult.Ani });
                facts.Add(Fact("CallEnded", call, null) with { EndedBy = "transferred-out" });
                Forget(call);
            }
            else
            {
                call.Legs.Add(new PbxLeg(consulted, LegState.Talking, Now));
                facts.Add(Fact("CallTransferred", call, agentId) with { TargetAgentId = consulted });
                facts.Add(Fact("CallOffered", call, consulted)); // R-POP-6: the pop follows the call
                facts.Add(Fact("CallAnswered", call, consulted));
                facts.Add(Fact("CallPartyLeft", consult, consulted) with { Party = "agent" });
            }
            facts.Add(Fact("CallEnded", consult, agentId) with { EndedBy = "transfer" });
            await ReportAsync(by, ct, [.. facts]);
            Forget(consult);
        }, ct);

    public Task ConferenceAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct) =>
        Locked(() => JoinAsync(callId, consultCallId, agentId, by, ct), ct);

    /// <summary>R-PHONE-10: the held party and the consulted party are connected (a three-way), then the agent leaves it.</summary>
    public Task ConnectAndReleaseAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct) =>
        Locked(async () =>
        {
            var call = await JoinAsync(callId, consultCallId, agentId, by, ct);
            var leg = call.LegOf(agentId)!;
            call.Legs.Remove(leg);
            HandledFor(Now - leg.Since);
            await LeaveOrEndAsync(call, "agent", agentId, by, "agent", ct);
        }, ct);

    /// <summary>The consulted party joins the held call; the consult call ends.</summary>
    async Task<PbxCall> JoinAsync(string callId, string consultCallId, string agentId, EventMetadata by, CancellationToken ct)
    {
        var (call, consult, consulted) = Consultation(callId, consultCallId, agentId);
        var facts = new List<CtiEvent>();
        var leg = call.LegOf(agentId)!;
        if (leg.State == LegState.Held) facts.Add(Fact("CallRetrieved", call, agentId));
        leg.State = LegState.Talking;
        if (consulted is null) call.External = true;
        else call.Legs.Add(new PbxLeg(consulted, LegState.Talking, Now));
        facts.Add(Fact("CallConferenced", call, agentId) with { TargetAgentId = consulted, TargetNumber = consulted is null ? consult.Ani : null });
        if (consulted is not null) facts.Add(Fact("CallPartyLeft", consult, consulted) with { Party = "agent" });
        facts.Add(Fact("CallEnded", consult, agentId) with { EndedBy = "conference" });
        consult.Legs.Clear();
        await ReportAsync(by, ct, [.. facts]);
        calls.Remove(consult.Id);
        return call;
    }

    /// <summary>The held call, its consult call, and the consulted agent (null: an external number) — all checked.</summary>
    (PbxCall Call, PbxCall Consult, string? Consulted) Consultation(string callId, string consultCallId, string agentId)
    {
        var call = Find(callId);
        var consult = Find(consultCallId);
        LegOf(call, agentId);
        LegOf(consult, agentId);
        if (consult.ConsultFor != call.Id) throw new RuleViolationException($"Call '{consultCallId}' is not a consultation about '{callId}'.", "notAConsultation");
        if (consult.External) return (call, consult, null);
        var consulted = consult.Connected.FirstOrDefault(l => l.AgentId != agentId)
            ?? throw new RuleViolationException("The consulted party has not answered yet.", "consultNotAnswered");
        return (call, consult, consulted.AgentId);
    }
}
