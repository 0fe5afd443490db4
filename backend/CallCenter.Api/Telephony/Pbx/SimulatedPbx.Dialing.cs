using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony.Pbx;

// Placing calls: outbound, click-to-call, internal, consult and help (R-PHONE-4/6/7/8/11).
public sealed partial class SimulatedPbx
{
    public Task<string> DialAsync(string agentId, DialTarget target, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        await RequireSignedInAsync(agentId, ct);
        if (IsBusy(agentId) && !HoldsOnly(agentId)) throw new RuleViolationException("Hold the current call before dialing another.");
        return await DialCoreAsync(agentId, target, target.Number is not null ? CallKinds.Outbound : CallKinds.Internal, null, [], by, ct);
    }, ct);

    public Task<string> ConsultAsync(string callId, string agentId, DialTarget target, string purpose, EventMetadata by, CancellationToken ct) =>
        Locked(async () =>
        {
            var call = Find(callId);
            var leg = LegOf(call, agentId);
            if (leg.State == LegState.Ringing) throw new RuleViolationException($"Answer call '{callId}' first.");
            var hold = new List<CtiEvent>();
            if (leg.State == LegState.Talking) hold.Add(Fact("CallHeld", call, agentId));
            var id = await DialCoreAsync(agentId, target, purpose == "help" ? CallKinds.Help : CallKinds.Consult, callId, hold, by, ct);
            leg.State = LegState.Held;
            return id;
        }, ct);

    /// <summary>Validates the target, then reports `before` and the new call's facts in one batch.</summary>
    async Task<string> DialCoreAsync(string agentId, DialTarget target, string kind, string? consultFor, List<CtiEvent> before,
        EventMetadata by, CancellationToken ct)
    {
        var callee = await CalleeAsync(agentId, target, ct);
        var number = callee is null ? target.Number : ForwardingOf(callee); // R-PHONE-13: forwarded to a number
        if (callee is null && number is not null && await acd.IsBlockedOutboundAsync(number, ct)) // R-ACD-4, outbound
            throw new CallCenter.Infrastructure.EventSourcing.RuleViolationException($"{number} is blacklisted for outbound calls.");
        var call = new PbxCall(NewCallId(), number is not null && kind == CallKinds.Internal ? CallKinds.Outbound : kind, Now)
        {
            Ani = number, ConsultFor = consultFor, DialedBy = agentId, External = number is not null,
        };
        call.Legs.Add(new PbxLeg(agentId, LegState.Talking, Now));
        var facts = new List<CtiEvent>(before)
        {
            Fact("CallDialed", call, agentId) with
            {
                Kind = call.Kind, Number = number, TargetAgentId = callee?.AgentId ?? target.AgentId, TargetQueue = target.Queue, ConsultFor = consultFor,
            },
        };
        calls[call.Id] = call;
        if (number is null && callee is not null)
        {
            var ringing = new PbxLeg(callee.AgentId, LegState.Ringing, Now);
            call.Legs.Add(ringing);
            facts.Add(Fact("CallOffered", call, callee.AgentId) with { Internal = true });
            if (callee.AutoAnswer)
            {
                ringing.State = LegState.Talking;
                facts.Add(Fact("CallAnswered", call, callee.AgentId) with { Internal = true });
            }
        }
        await ReportAsync(by, ct, [.. facts]);
        return call.Id;
    }

    /// <summary>The agent a call to this target rings: the named agent, or a free one of the skill group; null for a number.</summary>
    async Task<PbxAgent?> CalleeAsync(string agentId, DialTarget target, CancellationToken ct)
    {
        if (target.Number is not null) return null;
        if (target.AgentId is { } other)
        {
            if (other == agentId) throw new RuleViolationException("An agent cannot call itself.");
            var callee = await agents.OneAsync(other, ct);
            if (callee is null || callee.Status == Agents.AgentStatus.SignedOut)
                throw new RuleViolationException($"'{other}' is not signed in.");
            if (ForwardingOf(callee) is null && (IsBusy(other) || callee.OnCalls.Length > 0)) throw new RuleViolationException($"'{other}' is on a call.");
            return callee;
        }
        if (target.Queue is { } queue)
        {
            var free = (await agents.AllAsync(ct)).Where(a => a.AgentId != agentId && IsFree(a) && a.SkillGroups.Contains(queue))
                .OrderBy(a => a.Since).ThenBy(a => a.AgentId, StringComparer.Ordinal).FirstOrDefault();
            return free ?? throw new RuleViolationException($"Nobody in skill group '{queue}' is ready.");
        }
        throw new RuleViolationException("Say whom to call: an agent, a skill group or a number.");
    }

    async Task RequireSignedInAsync(string agentId, CancellationToken ct)
    {
        if (await agents.OneAsync(agentId, ct) is not { Status: not Agents.AgentStatus.SignedOut })
            throw new RuleViolationException("Sign in first.");
    }
}
