using CallCenter.Agents;
using CallCenter.Customers;

namespace CallCenter.Telephony.Pbx;

// The caller's side: calls arrive, are refused, queued, go to voicemail, are abandoned, or answer a survey.
public sealed partial class SimulatedPbx
{
    public Task<string> CallInAsync(InboundCall c, CancellationToken ct) => Locked(async () =>
    {
        var call = new PbxCall(NewCallId(), "inbound", Now)
        {
            Ani = PhoneNumbers.Normalize(c.Ani) is { Length: > 0 } ani ? ani : c.Ani,
            PatienceSeconds = c.PatienceSeconds, SurveyScore = c.SurveyScore, Customer = true,
        };
        var arrived = Fact("CallArrived", call) with { Dnis = c.Dnis ?? "96000", IvrTrail = c.IvrTrail ?? [] };
        if (await acd.IsBlockedAsync(call.Ani!, ct)) // R-ACD-4
        {
            await ReportAsync(null, ct, arrived, Fact("CallRejected", call) with { Reason = "blacklist" },
                Fact("CallEnded", call) with { EndedBy = "pbx" });
            return call.Id;
        }
        var queue = await acd.QueueForAsync(c.Queue, c.IvrTrail ?? [], Now, ct);
        call.Queue = queue.Id;
        call.MaxWaitSeconds = queue.MaxWaitSeconds > 0 ? queue.MaxWaitSeconds : null;
        call.CustomerLevel = await CustomerLevelAsync(call.Ani!, ct);
        if (!await AnyoneCanAnswerAsync(queue, ct)) // R-ACD-5
        {
            await ReportAsync(null, ct, arrived, VoiceMessage(call), Fact("CallEnded", call) with { EndedBy = "customer" });
            return call.Id;
        }
        call.QueuedAt = Now;
        calls[call.Id] = call;
        var position = calls.Values.Count(w => w.IsWaiting && w.Queue == call.Queue);
        await ReportAsync(null, ct, arrived, Fact("CallQueued", call) with { Position = position, ExpectedWaitSeconds = ExpectedWait(call, position) });
        await RouteAsync(ct);
        return call.Id;
    }, ct);

    public Task CallerHangsUpAsync(string callId, CancellationToken ct) => Locked(async () =>
    {
        var call = Find(callId);
        if (call.Ringing is { } ringing && !call.Connected.Any()) // R-ACD-3: abandoned while ringing or queued
        {
            call.Legs.Remove(ringing);
            await ReportAsync(null, ct, Fact("CallAbandoned", call), Fact("CallEnded", call) with { EndedBy = "customer" });
            Forget(call);
            return;
        }
        if (call.IsWaiting)
        {
            await ReportAsync(null, ct, Fact("CallAbandoned", call), Fact("CallEnded", call) with { EndedBy = "customer" });
            Forget(call);
            return;
        }
        var party = call.IsInbound ? "customer" : "external";
        if (call.IsInbound) call.Customer = false; else call.External = false;
        await LeaveOrEndAsync(call, party, null, null, "customer", ct);
    }, ct);

    CallCenter.Calls.Ingesting.CtiEvent VoiceMessage(PbxCall call) =>
        Fact("VoiceMessageLeft", call) with { DurationSeconds = 5 + (int)((uint)call.Id.GetHashCode() % 40) };

    /// <summary>R-ACD-3 (formula in docs/routing.md): staffed = agents on this queue's calls now.</summary>
    int ExpectedWait(PbxCall call, int position)
    {
        var staffed = calls.Values.Where(c => c.Queue == call.Queue).SelectMany(c => c.Connected).Select(l => l.AgentId).Distinct().Count();
        return Routing.Router.ExpectedWaitSeconds(position, staffed, averageHandleSeconds);
    }

    double averageHandleSeconds = 180;

    /// <summary>Exponential moving average of talk time, for the expected wait.</summary>
    void HandledFor(TimeSpan talk) => averageHandleSeconds = averageHandleSeconds * 0.9 + talk.TotalSeconds * 0.1;

    async Task<bool> AnyoneCanAnswerAsync(AcdQueue queue, CancellationToken ct)
    {
        var signedIn = await agents.AllAsync(ct);
        return signedIn.Any(a => queue.Open ? a.SkillGroups.Contains(queue.SkillGroup ?? queue.Id) : queue.DutyAgents.Contains(a.AgentId));
    }

    async Task<string?> CustomerLevelAsync(string ani, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().FindByPhoneAsync(ani, ct);
        return found.Count == 0 ? null : found.MaxBy(c => Array.IndexOf(CustomerLevels.All, c.Level))!.Level;
    }
}
