using System.Collections.Concurrent;

namespace CallCenter.Telephony.Pbx;

/// <summary>Until the admin-configured ACD lands: no blacklist, queue by first IVR key, longest idle with the skill.</summary>
public sealed class InterimAcd : IAcd
{
    readonly ConcurrentDictionary<string, string> lastAgent = new();
    static readonly Dictionary<string, string> QueueByKey = new() { ["1"] = "broadband", ["2"] = "cable-tv", ["3"] = "billing" };

    public Task<bool> IsBlockedAsync(string number, CancellationToken ct) => Task.FromResult(false);

    public Task<AcdQueue> QueueForAsync(string? requested, string[] ivrTrail, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(new AcdQueue(requested ?? ivrTrail.Select(k => QueueByKey.GetValueOrDefault(k)).FirstOrDefault(q => q is not null) ?? "general",
            0, true, []));

    public Task<IReadOnlyList<(PbxCall Call, string AgentId)>> AssignAsync(string queue, IReadOnlyList<PbxCall> waiting,
        IReadOnlyList<PbxAgent> ready, DateTimeOffset now, CancellationToken ct)
    {
        var free = ready.Where(a => a.SkillGroups.Contains(queue)).OrderBy(a => a.Since).ThenBy(a => a.AgentId, StringComparer.Ordinal).ToList();
        IReadOnlyList<(PbxCall, string)> pairs = [.. waiting.OrderBy(c => c.QueuedAt).Zip(free, (c, a) => (c, a.AgentId))];
        return Task.FromResult(pairs);
    }

    public void Served(string ani, string agentId, DateTimeOffset at) => lastAgent[ani] = agentId;
}
