using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Auth.Me;

/// <summary>The signed-in user (GET /api/me): id, name, roles, skill groups, extension, agent state.</summary>
public sealed record MeDto(string Id, string Name, string[] Roles, string[] SkillGroups, string? Extension, string? Team, AgentStateDto? AgentState,
    string[]? Permissions = null, string[]? AgentTypes = null, Dictionary<string, int>? Proficiency = null, string? TeamName = null);

public sealed record LoginLogEntry(DateTimeOffset At, string? Ip, bool Succeeded, string? Failure);

public sealed class MeQuery(ReadModelDb db)
{
    public async Task<MeDto> ForAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotFoundException($"User '{userId}' no longer exists.");
        AgentStateDto? state = null;
        if (user.Roles.Contains(Roles.Agent))
            state = AgentStateDto.From(await db.AgentStates.AsNoTracking().SingleOrDefaultAsync(s => s.AgentId == userId, ct), user.Id, user.Name);
        var teamName = user.Team is null ? null : await db.Set<CallCenter.Users.TeamRow>().AsNoTracking()
            .Where(t => t.Id == user.Team).Select(t => t.Name).SingleOrDefaultAsync(ct);
        return new MeDto(user.Id, user.Name, user.Roles, user.SkillGroups, user.Extension, user.Team, state,
            Infrastructure.Auth.Permissions.Of(user.Roles), user.AgentTypes, CallCenter.Users.Managing.UserInput.Dto(user).Proficiency, teamName);
    }

    /// <summary>R-ME-1: my own login log, newest first.</summary>
    public Task<List<LoginLogEntry>> LoginsAsync(string userId, int take, CancellationToken ct) =>
        db.LoginLog.AsNoTracking().Where(l => l.Username == userId).OrderByDescending(l => l.At).Take(take)
            .Select(l => new LoginLogEntry(l.At, l.Ip, l.Succeeded, l.Failure)).ToListAsync(ct);
}
