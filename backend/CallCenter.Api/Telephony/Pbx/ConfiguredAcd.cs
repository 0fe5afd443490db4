using System.Collections.Concurrent;
using CallCenter.Telephony.Routing;

namespace CallCenter.Telephony.Pbx;

/// <summary>
/// The ACD as admins configure it: blacklist (R-ACD-4), queue by IVR trail, the queue's routing strategy and the agents' proficiency (R-ACD-2).
/// Per-agent counts for "balanced" and the callers' last agents are kept in memory since start (as a PBX would).
/// </summary>
public sealed class ConfiguredAcd(QueueDirectory queues, BlacklistService blacklist, SkillLevels levels, Infrastructure.CenterClock center) : IAcd
{
    readonly ConcurrentDictionary<string, string> lastAgent = new();
    readonly ConcurrentDictionary<(string Agent, DateOnly Day), int> answered = new();

    public Task<bool> IsBlockedAsync(string number, CancellationToken ct) => blacklist.IsBlockedAsync(number, BlacklistDirections.Inbound, ct);

    public async Task<AcdQueue> QueueForAsync(string? requested, string[] ivrTrail, DateTimeOffset now, CancellationToken ct)
    {
        var q = (requested is null ? null : await queues.ByIdAsync(requested, ct)) ?? await queues.ByIvrTrailAsync(ivrTrail, ct);
        var local = center.Local(now); // business hours and calendars in the center's zone
        var open = await queues.IsOpenAsync(q, local, ct);
        if (!open && q.CalendarId is not null) // outside the calendar's hours: the queue's after-hours rule
        {
            if (q.AfterHours == AfterHoursRules.Voicemail) return new AcdQueue(q.Id, q.MaxWaitSeconds, false, []) { SkillGroup = q.Group };
            if (q.AfterHours == AfterHoursRules.Overflow && q.OverflowQueue is { } other && await queues.ByIdAsync(other, ct) is { } target)
                return new AcdQueue(target.Id, target.MaxWaitSeconds, await queues.IsOpenAsync(target, local, ct), target.DutyAgents) { SkillGroup = target.Group };
        }
        return new AcdQueue(q.Id, q.MaxWaitSeconds, open, q.DutyAgents) { SkillGroup = q.Group };
    }

    public async Task<bool> IsBlockedOutboundAsync(string number, CancellationToken ct) =>
        await blacklist.IsBlockedAsync(number, BlacklistDirections.Outbound, ct);

    public async Task<IReadOnlyList<(PbxCall Call, string AgentId)>> AssignAsync(string queue, IReadOnlyList<PbxCall> waiting,
        IReadOnlyList<PbxAgent> ready, DateTimeOffset now, CancellationToken ct)
    {
        var q = await queues.ByIdAsync(queue, ct) ?? await queues.ByIvrTrailAsync([], ct);
        var day = center.DayOf(now);
        var local = center.Local(now);
        bool? open = q.CalendarId is null ? null : await queues.IsOpenAsync(q, local, ct);
        var candidates = new List<AgentCandidate>();
        foreach (var a in ready.Where(a => a.Since is not null))
            candidates.Add(new AgentCandidate(a.AgentId, a.Extension, a.SkillGroups, a.Since!.Value, answered.GetValueOrDefault((a.AgentId, day)), TimeSpan.Zero)
            {
                Proficiency = await levels.LevelAsync(a.AgentId, q.Group, ct),
            });
        var byId = waiting.ToDictionary(c => c.Id);
        var pairs = new List<(PbxCall, string)>();
        foreach (var call in Router.ServeOrder(q, waiting.Select(c => new WaitingCall(c.Id, c.Ani ?? "", c.QueuedAt!.Value, c.CustomerLevel,
                     lastAgent.GetValueOrDefault(c.Ani ?? "")))))
        {
            var pbxCall = byId[call.CallId];
            var agent = Router.ChooseAgent(q, call, [.. candidates.Where(a => !pbxCall.Skipped.Contains(a.AgentId))], local, open);
            if (agent is null) continue;
            pairs.Add((pbxCall, agent));
            candidates.RemoveAll(a => a.AgentId == agent);
        }
        return pairs;
    }

    public void Served(string ani, string agentId, DateTimeOffset at)
    {
        lastAgent[ani] = agentId;
        answered.AddOrUpdate((agentId, center.DayOf(at)), 1, (_, n) => n + 1);
    }
}
