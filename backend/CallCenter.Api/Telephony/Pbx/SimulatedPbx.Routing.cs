using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Telephony.Pbx;

// The ACD's clock: route waiting calls, ring-no-answer, patience and maximum wait, call forwarding (R-PHONE-13).
public sealed partial class SimulatedPbx
{
    public Task TickAsync(CancellationToken ct) => Locked(async () =>
    {
        foreach (var call in calls.Values.ToList())
        {
            if (call.IsWaiting && call.PatienceSeconds is { } patience && Now - call.QueuedAt!.Value >= TimeSpan.FromSeconds(patience))
            {
                await ReportAsync(null, ct, Fact("CallAbandoned", call), Fact("CallEnded", call) with { EndedBy = "customer" });
                Forget(call);
            }
            else if (call.IsWaiting && call.MaxWaitSeconds is { } max && Now - call.QueuedAt!.Value >= TimeSpan.FromSeconds(max))
            {
                await ReportAsync(null, ct, VoiceMessage(call), Fact("CallEnded", call) with { EndedBy = "customer" }); // R-ACD-5
                Forget(call);
            }
            else if (call.Ringing is { } ringing && Now - ringing.Since >= TimeSpan.FromSeconds(await RingLimitAsync(ringing.AgentId, ct)))
                await RingNoAnswerAsync(call, ringing, ct);
        }
        await RouteAsync(ct);
    }, ct);

    async Task<int> RingLimitAsync(string agentId, CancellationToken ct) =>
        await agents.OneAsync(agentId, ct) is { Forwarding: { Mode: "noAnswer", NoAnswerSeconds: { } n } } ? n : RingSeconds;

    async Task RingNoAnswerAsync(PbxCall call, PbxLeg ringing, CancellationToken ct)
    {
        call.Legs.Remove(ringing);
        var agent = await agents.OneAsync(ringing.AgentId, ct);
        if (agent?.Forwarding is { Mode: "noAnswer", Number: { } number })
        {
            await ForwardAsync(call, ringing.AgentId, number, ct);
            return;
        }
        if (call.IsInbound && !call.Connected.Any())
        {
            call.Skipped.Add(ringing.AgentId);
            call.QueuedAt ??= Now;
            await ReportAsync(null, ct, Fact("CallQueued", call) with { Position = 1, ExpectedWaitSeconds = ExpectedWait(call, 1) });
        }
        else if (!call.Connected.Any(l => l.AgentId != call.DialedBy) && call.DialedBy is { } caller && call.Ringing is null && !call.IsInbound)
        {
            await ReportAsync(null, ct, Fact("CallEnded", call, caller) with { EndedBy = "no-answer" });
            Forget(call);
        }
    }

    /// <summary>Offers waiting calls to ready agents, as the ACD pairs them.</summary>
    async Task RouteAsync(CancellationToken ct)
    {
        var waiting = calls.Values.Where(c => c.IsWaiting).ToList();
        if (waiting.Count == 0) return;
        var ready = (await agents.AllAsync(ct)).Where(IsFree).ToList();
        foreach (var queue in waiting.GroupBy(c => c.Queue!))
        {
            if (ready.Count == 0) return;
            foreach (var (call, agentId) in await acd.AssignAsync(queue.Key, [.. queue], ready, Now, ct))
            {
                if (call.Skipped.Contains(agentId) || ready.Find(a => a.AgentId == agentId) is not { } agent) continue;
                ready.Remove(agent);
                await OfferAsync(call, agent, null, ct);
            }
        }
    }

    /// <summary>Ready in the read model since after its last call here, and not on any call of the PBX.</summary>
    bool IsFree(PbxAgent a) =>
        a.Status == AgentStatus.Ready && a.OnCalls.Length == 0 && !IsBusy(a.AgentId)
        && (!lastLeft.TryGetValue(a.AgentId, out var left) || a.Since >= left.AddMilliseconds(-1)); // the store keeps microseconds

    /// <summary>Rings the agent (auto-answer answers at once, R-PHONE-2).</summary>
    async Task OfferAsync(PbxCall call, PbxAgent agent, EventMetadata? by, CancellationToken ct)
    {
        var leg = new PbxLeg(agent.AgentId, LegState.Ringing, Now);
        call.Legs.Add(leg);
        var facts = new List<Calls.Ingesting.CtiEvent> { Fact("CallOffered", call, agent.AgentId) with { Internal = !call.IsInbound } };
        if (agent.AutoAnswer)
        {
            leg.State = LegState.Talking;
            facts.Add(Fact("CallAnswered", call, agent.AgentId) with { Internal = !call.IsInbound });
            if (call.IsInbound) acd.Served(call.Ani!, agent.AgentId, Now);
        }
        await ReportAsync(by, ct, [.. facts]);
    }

    /// <summary>R-PHONE-13: where a call directed at this agent goes instead, if anywhere (no-answer is handled on the clock).</summary>
    string? ForwardingOf(PbxAgent agent) => agent.Forwarding switch
    {
        { Mode: "unconditional", Number: { } n } => n,
        { Mode: "busy", Number: { } n } when IsBusy(agent.AgentId) || agent.OnCalls.Length > 0 => n,
        { Mode: "timeWindow", Number: { } n, From: { } from, To: { } to } when InWindow(TimeOnly.FromDateTime(Now.DateTime), from, to) => n,
        _ => null,
    };

    static bool InWindow(TimeOnly t, TimeOnly from, TimeOnly to) => from <= to ? t >= from && t < to : t >= from || t < to;

    /// <summary>The call leaves the center for the number (the customer now talks to it, outside our system).</summary>
    async Task ForwardAsync(PbxCall call, string agentId, string number, CancellationToken ct)
    {
        await ReportAsync(null, ct, Fact("CallTransferred", call, agentId) with { TargetNumber = number },
            Fact("CallEnded", call, null) with { EndedBy = "forwarded" });
        Forget(call);
    }

    /// <summary>At start: calls a previous run left open on agents' desks (<paramref name="leftOver"/> says which) end now, so nobody stays "talking" forever.</summary>
    public Task RecoverAsync(Func<string, CancellationToken, Task<bool>> leftOver, CancellationToken ct) => Locked(async () =>
    {
        foreach (var agent in await agents.AllAsync(ct))
            foreach (var callId in agent.OnCalls)
            {
                if (calls.ContainsKey(callId) || !await leftOver(callId, ct)) continue; // this run's, or ended meanwhile
                log.LogInformation("Ending call {CallId} of {Agent} left open by the previous run", callId, agent.AgentId);
                var call = new PbxCall(callId, "inbound", Now);
                await ReportAsync(null, ct, Fact("CallEnded", call, agent.AgentId) with { EndedBy = "pbx" });
            }
    }, ct);
}
