using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Agents.CurrentStates;

/// <summary>Reads of the current-state read model (every agent is listed, signed out when it has no events yet).</summary>
public sealed class AgentStateQueries(ReadModelDb db)
{
    public async Task<List<AgentStateDto>> AllAsync(CancellationToken ct)
    {
        var agents = await db.Users.AsNoTracking().Where(u => u.Roles.Contains(Roles.Agent)).ToListAsync(ct);
        var states = await db.AgentStates.AsNoTracking().ToDictionaryAsync(s => s.AgentId, ct);
        return agents
            .OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => AgentStateDto.From(states.GetValueOrDefault(a.Id), a.Id, a.Name))
            .ToList();
    }

    public async Task<AgentStateDto> OneAsync(string agentId, CancellationToken ct)
    {
        var agent = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == agentId && u.Roles.Contains(Roles.Agent), ct)
            ?? throw new NotFoundException($"There is no agent '{agentId}'.");
        var state = await db.AgentStates.AsNoTracking().SingleOrDefaultAsync(s => s.AgentId == agentId, ct);
        return AgentStateDto.From(state, agent.Id, agent.Name);
    }
}
