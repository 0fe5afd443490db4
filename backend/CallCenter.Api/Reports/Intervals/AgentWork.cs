using CallCenter.Agents;

namespace CallCenter.Reports.Intervals;

/// <summary>
/// The working state of an agent (table <c>kpi_agent_work</c>): the folded agent (the domain's own Evolve decides the state)
/// and since when its current state, reason and skill groups have held. Time in a state is counted when the state ends.
/// </summary>
public sealed class AgentWork
{
    public Agent Agent { get; set; } = AgentStream.Initial;
    public DateTimeOffset? Since { get; set; }

    /// <summary>Folds one event; a finished state's time goes to the agent's total row (skill group "") and to each of its skill groups' rows.</summary>
    public void Apply(AgentEvent e, string agentId, Dictionary<AgentStateKey, long> into)
    {
        var before = Agent;
        var after = AgentStream.Evolve(before, e);
        Agent = after;
        if (after.Status == before.Status && after.ReasonCode == before.ReasonCode && after.SkillGroups.SequenceEqual(before.SkillGroups)) return;
        if (before.Status != AgentStatus.SignedOut && Since is { } since)
            foreach (var (bucket, ms) in Buckets.Split(since, e.At))
                foreach (var group in before.SkillGroups.Prepend("").Distinct())
                {
                    var key = new AgentStateKey(bucket, agentId, group, before.Status, before.ReasonCode ?? "");
                    into[key] = into.GetValueOrDefault(key) + ms;
                }
        Since = e.At;
    }
}
