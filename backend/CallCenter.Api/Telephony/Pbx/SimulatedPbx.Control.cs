using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony.Pbx;

// The softphone's one-call buttons: answer, pick up, hold, retrieve, mute, hang up (R-PHONE-3/4/5/9).
public sealed partial class SimulatedPbx
{
    public Task AnswerAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(callId);
        var leg = LegOf(call, agentId);
        if (leg.State != LegState.Ringing) throw new RuleViolationException($"Call '{callId}' is not ringing at '{agentId}'.", "notRinging");
        await ConnectAsync(call, leg, by, ct);
    }, ct);

    public Task PickUpAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(callId);
        if (call.Ringing is not { } ringing || ringing.AgentId == agentId)
            throw new RuleViolationException($"Call '{callId}' is not ringing at another extension.", "notRingingElsewhere");
        if (await agents.OneAsync(agentId, ct) is not { Status: not Agents.AgentStatus.SignedOut })
            throw new RuleViolationException("Sign in before picking up a call.", "signInFirst");
        if (call.IsInbound) await RequireTaggedAsync(agentId, ct);
        if (IsBusy(agentId) && !HoldsOnly(agentId)) throw new RuleViolationException($"'{agentId}' is already on a call.", "alreadyOnCall");
        call.Legs.Remove(ringing);
        var leg = new PbxLeg(agentId, LegState.Ringing, Now);
        call.Legs.Add(leg);
        await ConnectAsync(call, leg, by, ct);
    }, ct);

    async Task ConnectAsync(PbxCall call, PbxLeg leg, EventMetadata by, CancellationToken ct)
    {
        leg.State = LegState.Talking;
        leg.Since = Now;
        if (call.IsInbound) acd.Served(call.Ani!, leg.AgentId, Now);
        await ReportAsync(by, ct, Fact("CallAnswered", call, leg.AgentId) with { Internal = !call.IsInbound });
    }

    public Task HoldAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) =>
        ChangeLeg(callId, agentId, LegState.Talking, LegState.Held, "CallHeld", "is not talking", by, ct);

    public Task RetrieveAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) =>
        ChangeLeg(callId, agentId, LegState.Held, LegState.Talking, "CallRetrieved", "is not on hold", by, ct);

    Task ChangeLeg(string callId, string agentId, LegState from, LegState to, string fact, string notInState, EventMetadata by, CancellationToken ct) =>
        Locked(async () =>
        {
            var call = Find(callId);
            var leg = LegOf(call, agentId);
            if (leg.State != from) throw new RuleViolationException($"Call '{callId}' {notInState} at '{agentId}'.", to == LegState.Held ? "notTalking" : "notHeld");
            if (to == LegState.Talking && calls.Values.Any(c => c != call && c.LegOf(agentId)?.State == LegState.Talking))
                throw new RuleViolationException("Hold or end the other call first.", "holdOtherFirst");
            leg.State = to;
            leg.Since = Now;
            await ReportAsync(by, ct, Fact(fact, call, agentId));
        }, ct);

    public Task MuteAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) => SetMuted(callId, agentId, true, by, ct);
    public Task UnmuteAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) => SetMuted(callId, agentId, false, by, ct);

    Task SetMuted(string callId, string agentId, bool muted, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(callId);
        var leg = LegOf(call, agentId);
        if (leg.State != LegState.Talking) throw new RuleViolationException($"Call '{callId}' is not talking at '{agentId}'.", "notTalking");
        if (leg.Muted == muted) return; // idempotent
        leg.Muted = muted;
        await ReportAsync(by, ct, Fact(muted ? "CallMuted" : "CallUnmuted", call, agentId));
    }, ct);

    /// <summary>Hang up. Ringing: decline (a queued call goes back to the queue). In a conference the agent leaves and the rest stay.</summary>
    public Task HangUpAsync(string callId, string agentId, EventMetadata by, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(callId);
        var leg = LegOf(call, agentId);
        call.Legs.Remove(leg);
        if (leg.State == LegState.Ringing)
        {
            if (call.IsInbound && !call.Connected.Any())
            {
                call.Skipped.Add(agentId);
                call.QueuedAt ??= Now;
                await ReportAsync(by, ct, Fact("CallQueued", call) with { Position = 1, ExpectedWaitSeconds = ExpectedWait(call, 1) });
                await RouteAsync(ct);
            }
            else await LeaveOrEndAsync(call, "agent", call.DialedBy, by, "declined", ct, announceLeaver: false);
            return;
        }
        HandledFor(Now - leg.Since);
        await LeaveOrEndAsync(call, "agent", agentId, by, "agent", ct);
    }, ct);

    /// <summary>
    /// R-PHONE-9: after a party leaves, two or more remaining stay connected; fewer, and the call ends for everyone
    /// (the other agents still on it are reported leaving first, so each agent's stream sees its call end).
    /// </summary>
    async Task LeaveOrEndAsync(PbxCall call, string party, string? agentId, EventMetadata? by, string endedBy, CancellationToken ct,
        bool announceLeaver = true)
    {
        if (agentId is not null) Left(agentId);
        if (call.Parties >= 2)
        {
            if (announceLeaver) await ReportAsync(by, ct, Fact("CallPartyLeft", call, agentId) with { Party = party });
            return;
        }
        var others = call.Connected.Where(l => l.AgentId != agentId).Select(l => l.AgentId).ToList();
        var endedFor = announceLeaver && agentId is not null ? agentId : others.FirstOrDefault();
        var facts = others.Where(o => o != endedFor).Select(o => Fact("CallPartyLeft", call, o) with { Party = "agent" }).ToList();
        facts.Add(Fact("CallEnded", call, endedFor) with { EndedBy = endedBy });
        if (call.IsInbound && call.Customer && call.SurveyScore is { } score && endedBy == "agent") // R-ACD-6: the caller rates the agent
            facts.Add(Fact("SurveyCompleted", call, endedFor) with { Score = score });
        await ReportAsync(by, ct, [.. facts]);
        Forget(call);
    }
}
