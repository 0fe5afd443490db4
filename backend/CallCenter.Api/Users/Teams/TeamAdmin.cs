using System.Text.RegularExpressions;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Users.Trail;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Users.Teams;

/// <summary>POST /api/teams, PUT /api/teams/{id}. Members are set on the users (a user belongs to at most one team).</summary>
public sealed record TeamBody(string? Id, string? Name, string[]? Supervisors, string[]? Admins, string[]? Members);

public sealed record TeamDto(string Id, string Name, string[] Supervisors, string[] Admins, string[] Members);

/// <summary>Teams and their supervisors, team admins and members (R-ROLE-2); admins only. Every change is on <c>team-{id}</c>.</summary>
public sealed partial class TeamAdmin(ReadModelDb db, CurrentUser me, AdminChanges trail, TeamScope teams, TimeProvider clock)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] private static partial Regex IdPattern();

    public async Task<List<TeamDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<TeamRow>().AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var members = await MembersAsync(ct);
        var visible = me.IsAdmin || me.IsInRole(Roles.Auditor) ? rows
            : rows.Where(t => t.Supervisors.Contains(me.Id) || t.Admins.Contains(me.Id)).ToList();
        return visible.Select(t => Dto(t, members)).ToList();
    }

    public async Task<TeamDto> GetAsync(string id, CancellationToken ct)
    {
        var team = await db.Set<TeamRow>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"There is no team '{id}'.");
        if (!me.IsAdmin && !me.IsInRole(Roles.Auditor) && !team.Supervisors.Contains(me.Id) && !team.Admins.Contains(me.Id))
            throw new ForbiddenException($"'{me.Id}' is not in team '{id}'s lead.");
        return Dto(team, await MembersAsync(ct));
    }

    /// <summary>Null when the id is taken (409).</summary>
    public async Task<TeamDto?> CreateAsync(TeamBody body, CancellationToken ct)
    {
        await CheckAsync(body, creating: true, ct);
        if (await db.Set<TeamRow>().AnyAsync(t => t.Id == body.Id, ct)) return null;
        var team = new TeamRow { Id = body.Id!, Name = body.Name!.Trim(), Supervisors = body.Supervisors ?? [], Admins = body.Admins ?? [] };
        db.Set<TeamRow>().Add(team);
        var moved = await SetMembersAsync(team.Id, body.Members ?? [], ct);
        await db.SaveChangesAsync(ct);
        teams.Invalidate();
        await trail.AppendAsync(AdminChanges.TeamStream(team.Id), me.AdminMetadata(), ct,
            new TeamCreated(team.Id, team.Name, team.Supervisors, team.Admins, body.Members ?? [], clock.GetUtcNow()));
        await RecordMovesAsync(moved, ct);
        return Dto(team, await MembersAsync(ct));
    }

    public async Task<TeamDto> UpdateAsync(string id, TeamBody body, CancellationToken ct)
    {
        var team = await db.Set<TeamRow>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"There is no team '{id}'.");
        await CheckAsync(body with { Id = id }, creating: false, ct);
        var before = Dto(team, await MembersAsync(ct));
        (team.Name, team.Supervisors, team.Admins) = (body.Name!.Trim(), body.Supervisors ?? [], body.Admins ?? []);
        var moved = body.Members is null ? [] : await SetMembersAsync(id, body.Members, ct);
        await db.SaveChangesAsync(ct);
        teams.Invalidate();
        var after = Dto(team, await MembersAsync(ct));
        var changes = new Dictionary<string, string?[]>();
        void Track(string field, string a, string b) { if (a != b) changes[field] = [a, b]; }
        Track("name", before.Name, after.Name);
        Track("supervisors", string.Join(",", before.Supervisors), string.Join(",", after.Supervisors));
        Track("admins", string.Join(",", before.Admins), string.Join(",", after.Admins));
        Track("members", string.Join(",", before.Members), string.Join(",", after.Members));
        if (changes.Count > 0)
            await trail.AppendAsync(AdminChanges.TeamStream(id), me.AdminMetadata(), ct, new TeamUpdated(id, changes, clock.GetUtcNow()));
        await RecordMovesAsync(moved, ct);
        return after;
    }

    /// <summary>Exactly <paramref name="members"/> belong to the team afterwards (others leave it). Returns who moved: (user, team before, team after).</summary>
    async Task<List<(string User, string? Before, string? After)>> SetMembersAsync(string teamId, string[] members, CancellationToken ct)
    {
        var moved = new List<(string, string?, string?)>();
        foreach (var u in await db.Users.Where(u => u.Team == teamId || members.Contains(u.Id)).ToListAsync(ct))
        {
            var team = members.Contains(u.Id) ? teamId : null;
            if (team != u.Team) moved.Add((u.Id, u.Team, team));
            u.Team = team;
        }
        return moved;
    }

    /// <summary>Each user who joined or left the team has it on their own trail too (<c>user-{id}</c>), as an edit of the user would.</summary>
    async Task RecordMovesAsync(List<(string User, string? Before, string? After)> moved, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (user, before, after) in moved)
            await trail.AppendAsync(AdminChanges.UserStream(user), me.AdminMetadata(), ct,
                new UserUpdated(user, new Dictionary<string, string?[]> { ["team"] = [before, after] }, now));
    }

    async Task<ILookup<string, string>> MembersAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.Team != null).Select(u => new { u.Id, u.Team }).ToListAsync(ct))
        .OrderBy(u => u.Id.Length).ThenBy(u => u.Id, StringComparer.Ordinal).ToLookup(u => u.Team!, u => u.Id);

    static TeamDto Dto(TeamRow t, ILookup<string, string> members) => new(t.Id, t.Name, t.Supervisors, t.Admins, members[t.Id].ToArray());

    async Task CheckAsync(TeamBody b, bool creating, CancellationToken ct)
    {
        var e = new List<ValidationFailure>();
        if (creating && (b.Id is null || !IdPattern().IsMatch(b.Id))) e.Add(new("id", "The team id: 1–64 letters, digits, '.', '_' or '-'."));
        if (string.IsNullOrWhiteSpace(b.Name) || b.Name.Length > 64 || b.Name.Any(char.IsControl)) e.Add(new("name", "A name of 1–64 characters."));
        var named = (b.Supervisors ?? []).Concat(b.Admins ?? []).Concat(b.Members ?? []).Distinct().ToList();
        if (named.Count > 2000) e.Add(new("members", "At most 2000 people per team."));
        else
        {
            var users = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Roles, ct);
            foreach (var (field, ids, role) in new[] { ("supervisors", b.Supervisors, Roles.Supervisor), ("admins", b.Admins, Roles.TeamAdmin), ("members", b.Members, (string?)null) })
                if ((ids ?? []).FirstOrDefault(id => !users.TryGetValue(id, out var roles) || role is not null && !roles.Contains(role) && !roles.Contains(Roles.Admin)) is { } bad)
                    e.Add(new(field, users.ContainsKey(bad) ? $"'{bad}' does not have the {role} role." : $"There is no user '{bad}'."));
        }
        if (e.Count > 0) throw new ValidationException(e);
    }
}
