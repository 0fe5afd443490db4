using CallCenter.Agents;
using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Pbx;

/// <summary>The agents' states as the ACD reads them: the agent-states read model (signed in, ready since, skills, settings).</summary>
public sealed class PbxAgents(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<PbxAgent>> AllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var rows = await db.AgentStates.AsNoTracking().Where(a => a.State != AgentStatus.SignedOut).ToListAsync(ct);
        return [.. rows.Select(ToAgent)];
    }

    public async Task<PbxAgent?> OneAsync(string agentId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var row = await db.AgentStates.AsNoTracking().SingleOrDefaultAsync(a => a.AgentId == agentId, ct);
        return row is null ? null : ToAgent(row);
    }

    static PbxAgent ToAgent(AgentStateRow row)
    {
        var s = AgentStateRow.Fold(row);
        return new PbxAgent(row.AgentId, s.Status, s.Since, s.Extension, s.SkillGroups, s.AutoAnswer, s.Forwarding, s.OnCalls, s.UntaggedCallId);
    }
}
