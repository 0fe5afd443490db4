using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony.Pbx;

// Call supervision (R-SUP-1…4): the supervisor is no agent leg; the call remembers who supervises it and how. Monitor and whisper
// add no party (the customer hears neither), barge and intercept do (R-PHONE-9's leave rule counts them).
public sealed partial class SimulatedPbx : ICallSupervision
{
    public Task SuperviseAsync(CallSupervised step, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(step.CallId);
        var supervised = Fact("CallSupervised", call, step.AgentId) with { SupervisorId = step.SupervisorId, Mode = step.Mode };
        switch (step.Mode)
        {
            case SupervisionModes.Monitor or SupervisionModes.Whisper or SupervisionModes.Barge:
                if (!call.Connected.Any()) throw new RuleViolationException($"No agent is talking on call '{call.Id}'.", "noAgentOnCall");
                (call.Supervisor, call.SupervisionMode) = (step.SupervisorId, step.Mode);
                await ReportAsync(by, ct, supervised);
                break;
            case SupervisionModes.Intercept: // the supervisor keeps the customer; every agent drops (and tags in after-call work)
            {
                var dropped = call.Legs.ToList();
                if (dropped.Count == 0) throw new RuleViolationException($"No agent is on call '{call.Id}'.", "noAgentOnCall");
                call.Legs.Clear();
                (call.Supervisor, call.SupervisionMode) = (step.SupervisorId, step.Mode);
                foreach (var leg in dropped) Left(leg.AgentId);
                await ReportAsync(by, ct, [supervised, .. dropped.Select(l => Fact("CallPartyLeft", call, l.AgentId) with { Party = "agent" })]);
                break;
            }
            case SupervisionModes.Release: // R-SUP-3: the call ends for everyone
            {
                var agentsOn = call.Legs.Select(l => l.AgentId).ToList();
                var endedFor = agentsOn.FirstOrDefault();
                var facts = new List<CtiEvent> { supervised };
                facts.AddRange(agentsOn.Skip(1).Select(a => Fact("CallPartyLeft", call, a) with { Party = "agent" }));
                facts.Add(Fact("CallEnded", call, endedFor) with { EndedBy = "supervisor" });
                call.Legs.Clear();
                foreach (var a in agentsOn) Left(a);
                await ReportAsync(by, ct, [.. facts]);
                calls.Remove(call.Id);
                break;
            }
            case SupervisionModes.Leave:
            {
                var wasParty = SupervisionModes.IsParty(call.SupervisionMode);
                (call.Supervisor, call.SupervisionMode) = (null, null);
                await ReportAsync(by, ct, supervised);
                if (wasParty && call.Parties < 2) await LeaveOrEndAsync(call, "agent", null, by, "supervisor", ct, announceLeaver: false);
                break;
            }
            default:
                throw new RuleViolationException($"Unknown supervision mode '{step.Mode}'.", "unknownMode");
        }
    }, ct);
}
