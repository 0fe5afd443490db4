using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Telephony.Routing;
using CallCenter.Users.Trail;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Users.Managing;

/// <summary>
/// Creating, editing, disabling, enabling users and resetting their passwords (R-ADM-1). Admins manage everyone;
/// team admins only the users of the teams they administer, and only as agents (R-ROLE-2). Users are never deleted.
/// Each change is written to the users table and recorded as an event on <c>user-{id}</c> (the auditor's trail).
/// </summary>
public sealed class UserAdmin(ReadModelDb db, CurrentUser me, IPasswordHasher<UserRow> hasher, AdminChanges trail, Sessions sessions,
    TeamScope teams, UserDirectory directory, SkillLevels levels, TimeProvider clock)
{
    public async Task<List<UserDto>> ListAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        if (me.IsAdmin || me.IsInRole(Roles.Auditor)) return users.Select(UserInput.Dto).ToList();
        var mine = (await teams.GetAsync(ct)).TeamsAdministeredBy(me.Id);
        return users.Where(u => u.Team is not null && mine.Contains(u.Team)).Select(UserInput.Dto).ToList();
    }

    public async Task<UserDto> GetAsync(string id, CancellationToken ct) => UserInput.Dto(await ManagedAsync(id, ct));

    /// <summary>Null when the id is taken (409).</summary>
    public async Task<UserDto?> CreateAsync(UserBody body, CancellationToken ct)
    {
        await CheckAsync(body, creating: true, ct);
        await EnsureMayManageAsync(body.Team, body.Roles!, ct);
        if (await db.Users.AnyAsync(u => u.Id == body.Id, ct)) return null;
        var user = new UserRow
        {
            Id = body.Id!, Name = body.Name!.Trim(), PasswordHash = "", Roles = body.Roles!, AgentTypes = body.AgentTypes ?? [],
            Team = body.Team, SkillGroups = body.SkillGroups ?? [], SkillLevels = UserInput.Levels(body), Extension = body.Extension,
        };
        user.PasswordHash = hasher.HashPassword(user, body.Password!);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        teams.Invalidate();
        levels.Invalidate();
        await trail.AppendAsync(AdminChanges.UserStream(user.Id), me.AdminMetadata(), ct, new UserCreated(user.Id, user.Name, user.Roles,
            user.AgentTypes, user.Team, user.SkillGroups, user.SkillLevels, user.Extension, clock.GetUtcNow()));
        return UserInput.Dto(user);
    }

    public async Task<UserDto> UpdateAsync(string id, UserBody body, CancellationToken ct)
    {
        var user = await ManagedAsync(id, ct, tracked: true);
        await CheckAsync(body with { Id = id }, creating: false, ct);
        await EnsureMayManageAsync(body.Team, body.Roles!, ct);
        var changes = new Dictionary<string, string?[]>();
        void Track(string field, string? before, string? after) { if (before != after) changes[field] = [before, after]; }
        var rolesBefore = user.Roles;
        Track("name", user.Name, body.Name!.Trim());
        Track("roles", Join(user.Roles), Join(body.Roles!));
        Track("agentTypes", Join(user.AgentTypes), Join(body.AgentTypes ?? []));
        Track("team", user.Team, body.Team);
        Track("skillGroups", Join(user.SkillGroups), Join(body.SkillGroups ?? []));
        Track("proficiency", AdminChanges.LevelsText(user.SkillGroups, user.SkillLevels), AdminChanges.LevelsText(body.SkillGroups ?? [], UserInput.Levels(body)));
        Track("extension", user.Extension, body.Extension);
        if (changes.Count == 0) return UserInput.Dto(user);

        (user.Name, user.Roles, user.AgentTypes, user.Team) = (body.Name!.Trim(), body.Roles!, body.AgentTypes ?? [], body.Team);
        (user.SkillGroups, user.SkillLevels, user.Extension) = (body.SkillGroups ?? [], UserInput.Levels(body), body.Extension);
        await db.SaveChangesAsync(ct);
        teams.Invalidate();
        levels.Invalidate();
        directory.Forget(user.Id);
        await trail.AppendAsync(AdminChanges.UserStream(user.Id), me.AdminMetadata(), ct, new UserUpdated(user.Id, changes, clock.GetUtcNow()));
        // The session carries the roles: a role change ends it, the user signs in again with the new ones.
        if (!rolesBefore.Order().SequenceEqual(user.Roles.Order())) await sessions.EndAllAsync(user.Id, "roles-changed", null, ct);
        return UserInput.Dto(user);
    }

    public async Task<UserDto> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        var user = await ManagedAsync(id, ct, tracked: true);
        if (user.Id == me.Id && disabled) throw new ValidationException([new ValidationFailure("id", "You cannot disable yourself.")]);
        if (user.Disabled == disabled) return UserInput.Dto(user);
        user.Disabled = disabled;
        await db.SaveChangesAsync(ct);
        if (disabled) await sessions.EndAllAsync(user.Id, "disabled", null, ct);
        AdminChange change = disabled ? new UserDisabled(user.Id, clock.GetUtcNow()) : new UserEnabled(user.Id, clock.GetUtcNow());
        await trail.AppendAsync(AdminChanges.UserStream(user.Id), me.AdminMetadata(), ct, change);
        return UserInput.Dto(user);
    }

    public async Task ResetPasswordAsync(string id, string? newPassword, CancellationToken ct)
    {
        var user = await ManagedAsync(id, ct, tracked: true);
        if (PasswordPolicy.Check(newPassword, user.Id) is { } why) throw new ValidationException([new ValidationFailure("newPassword", why)]);
        user.PasswordHash = hasher.HashPassword(user, newPassword!);
        await db.SaveChangesAsync(ct);
        await sessions.EndAllAsync(user.Id, "password-reset", null, ct);
        await trail.AppendAsync(AdminChanges.UserStream(user.Id), me.AdminMetadata(), ct, new UserPasswordReset(user.Id, clock.GetUtcNow()));
    }

    /// <summary>
    /// Exactly <paramref name="agents"/> have the skill group afterwards (admins; the group's page): it is appended to the
    /// newcomers' groups at the default level and removed, with its level, from everyone else. Each user changed gets a
    /// <see cref="UserUpdated"/> on their trail, as an edit of the user would.
    /// </summary>
    public async Task SetSkillGroupMembersAsync(string group, string[] agents, CancellationToken ct)
    {
        var changed = new List<(UserRow User, Dictionary<string, string?[]> Changes)>();
        foreach (var u in await db.Users.Where(u => u.SkillGroups.Contains(group) || agents.Contains(u.Id)).ToListAsync(ct))
        {
            var wanted = agents.Contains(u.Id);
            var at = Array.IndexOf(u.SkillGroups, group);
            if (wanted == at >= 0) continue;
            var (groupsBefore, levelsBefore) = (u.SkillGroups, Aligned(u));
            if (wanted) (u.SkillGroups, u.SkillLevels) = ([.. groupsBefore, group], [.. levelsBefore, UserInput.DefaultLevel]);
            else (u.SkillGroups, u.SkillLevels) = (groupsBefore.Where((_, i) => i != at).ToArray(), levelsBefore.Where((_, i) => i != at).ToArray());
            changed.Add((u, new Dictionary<string, string?[]>
            {
                ["skillGroups"] = [Join(groupsBefore), Join(u.SkillGroups)],
                ["proficiency"] = [AdminChanges.LevelsText(groupsBefore, levelsBefore), AdminChanges.LevelsText(u.SkillGroups, u.SkillLevels)],
            }));
        }
        if (changed.Count == 0) return;
        await db.SaveChangesAsync(ct);
        levels.Invalidate();
        var now = clock.GetUtcNow();
        foreach (var (u, changes) in changed)
        {
            directory.Forget(u.Id);
            await trail.AppendAsync(AdminChanges.UserStream(u.Id), me.AdminMetadata(), ct, new UserUpdated(u.Id, changes, now));
        }
    }

    /// <summary>The user's levels, one per skill group (a missing one at the default).</summary>
    static int[] Aligned(UserRow u) =>
        u.SkillGroups.Select((_, i) => i < u.SkillLevels.Length ? u.SkillLevels[i] : UserInput.DefaultLevel).ToArray();

    /// <summary>What would be wrong with this change (field → message), without making it (the import's dry run).</summary>
    public async Task<List<KeyValuePair<string, string>>> ProblemsAsync(UserBody body, bool creating, CancellationToken ct)
    {
        try
        {
            if (!creating) await ManagedAsync(body.Id!, ct);
            await CheckAsync(body, creating, ct);
            await EnsureMayManageAsync(body.Team, body.Roles ?? [], ct);
            return [];
        }
        catch (ValidationException v) { return v.Errors.Select(e => new KeyValuePair<string, string>(e.PropertyName, e.ErrorMessage)).ToList(); }
        catch (ForbiddenException f) { return [new("id", f.Message)]; }
    }

    static string Join(IEnumerable<string> values) => string.Join(",", values);

    async Task CheckAsync(UserBody body, bool creating, CancellationToken ct)
    {
        var groups = (await db.Set<QueueRow>().Select(q => q.Id).ToListAsync(ct))
            .Concat(await db.Set<Telephony.Routing.SkillGroups.SkillGroupRow>().Select(g => g.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var teamIds = (await db.Set<TeamRow>().Select(t => t.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var errors = UserInput.Check(body, creating, groups, teamIds);
        if (errors.Count == 0 && body.Extension is not null
            && await db.Users.AnyAsync(u => u.Extension == body.Extension && u.Id != body.Id, ct))
            errors["extension"] = [$"Extension {body.Extension} belongs to another user."];
        if (errors.Count > 0)
            throw new ValidationException(errors.SelectMany(e => e.Value.Select(m => new ValidationFailure(e.Key, m))));
    }

    /// <summary>The user, if this caller may manage them (404 when absent, 403 when another team's).</summary>
    async Task<UserRow> ManagedAsync(string id, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Users : db.Users.AsNoTracking();
        var user = await query.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException($"There is no user '{id}'.");
        if (me.IsAdmin || (!tracked && me.IsInRole(Roles.Auditor))) return user;
        if (user.Team is not null && (await teams.GetAsync(ct)).Administers(me.Id, user.Team) && user.Roles.All(r => r == Roles.Agent)) return user;
        throw new ForbiddenException($"'{me.Id}' may not manage user '{id}' (not in a team they administer).");
    }

    /// <summary>Team admins give only the agent role, and only within the teams they administer.</summary>
    async Task EnsureMayManageAsync(string? team, string[] roles, CancellationToken ct)
    {
        if (me.IsAdmin) return;
        if (team is null || !(await teams.GetAsync(ct)).Administers(me.Id, team))
            throw new ForbiddenException($"'{me.Id}' manages only the users of the teams they administer.");
        if (roles.Any(r => r != Roles.Agent)) throw new ForbiddenException("Team admins create and edit agents only.");
    }
}
