using System.Text.RegularExpressions;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing.SkillGroups;

public sealed record SkillGroupDto(string Id, string Name, string? NameZh, bool Active, string[] Members, string[] Queues);
public sealed record SaveSkillGroup(string? Name, string? NameZh, bool? Active);
public sealed record SkillGroupMembers(string[]? Agents);

/// <summary>R-ADM-2, R-ACD-2: skill groups and which agents belong to them (the users' skill_groups).</summary>
public static partial class SkillGroupEndpoints
{
    public static void MapSkillGroups(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/skill-groups").WithTags("ACD").RequireAuthorization();
        g.MapGet("/", async (ReadModelDb db, CancellationToken ct) =>
            {
                var rows = await db.Set<SkillGroupRow>().AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToListAsync(ct);
                var (members, queues) = await UsesAsync(db, ct);
                return rows.Select(r => Dto(r, members, queues)).ToList();
            })
            .WithSummary("The skill groups, retired ones included, with their members and the queues they serve.");
        g.MapGet("/{id}", async Task<Ok<SkillGroupDto>> (string id, ReadModelDb db, CancellationToken ct) =>
            {
                var row = await db.Set<SkillGroupRow>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"No skill group {id}.");
                var (members, queues) = await UsesAsync(db, ct);
                return TypedResults.Ok(Dto(row, members, queues));
            })
            .WithSummary("One skill group with its members.");
        g.MapPut("/{id}", async Task<Results<Ok<SkillGroupDto>, ValidationProblem>> (string id, SaveSkillGroup body, ReadModelDb db,
                Users.Trail.AdminChanges trail, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!Code().IsMatch(id)) errors["id"] = ["An id is lower-case letters, digits and dashes, at most 48."];
                if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 64) errors["name"] = ["Give a name of 1 to 64 characters."];
                if (body.NameZh is { Length: > 64 }) errors["nameZh"] = ["At most 64 characters."];
                var (members, queues) = await UsesAsync(db, ct);
                if (body.Active == false && queues.GetValueOrDefault(id) is { Count: > 0 } used)
                    errors["active"] = [$"Active queues {string.Join(", ", used)} are served by this group; retire them or give them another group first."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var row = await db.Set<SkillGroupRow>().FindAsync([id], ct);
                var before = row is null ? null : Fields(row);
                if (row is null) db.Add(row = new SkillGroupRow { Id = id, Name = "", SortOrder = 100 });
                row.Name = body.Name!.Trim();
                row.NameZh = string.IsNullOrWhiteSpace(body.NameZh) ? null : body.NameZh.Trim();
                row.Active = body.Active ?? true;
                await db.SaveChangesAsync(ct);
                var changes = Users.Trail.AdminChanges.Diff(before, Fields(row));
                if (changes.Count > 0)
                    await trail.AppendAsync(Users.Trail.AdminChanges.SkillGroupStream(id), me.AdminMetadata(), ct, before is null
                        ? new Users.Trail.SkillGroupCreated(id, changes, clock.GetUtcNow()) : new Users.Trail.SkillGroupUpdated(id, changes, clock.GetUtcNow()));
                return TypedResults.Ok(Dto(row, members, queues));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Create or change a skill group (admins). active=false retires it; groups are never deleted (history names them).");
        g.MapPut("/{id}/members", async Task<Results<Ok<SkillGroupDto>, ValidationProblem>> (string id, SkillGroupMembers body, ReadModelDb db,
                Users.Managing.UserAdmin users, CancellationToken ct) =>
            {
                var row = await db.Set<SkillGroupRow>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"No skill group {id}.");
                if (body.Agents is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agents"] = ["Give the members (an empty list for none)."] });
                var known = (await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                if (body.Agents.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agents"] = [$"No user {unknown}."] });
                if (!row.Active && body.Agents.Length > 0)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["agents"] = ["The group is retired."] });
                await users.SetSkillGroupMembersAsync(id, body.Agents, ct); // each member changed is an event on their user-{id}
                var (members, queues) = await UsesAsync(db, ct);
                return TypedResults.Ok(Dto(row, members, queues));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Set which users belong to the group (admins): adds the group to their skill groups (last, not primary, level 3) and removes it with its level from everyone else; each user changed is on the admin-change trail. Takes effect at their next sign-in.");
    }

    /// <summary>What the trail records of a group.</summary>
    sealed record GroupFields(string Name, string? NameZh, bool Active);
    static GroupFields Fields(SkillGroupRow r) => new(r.Name, r.NameZh, r.Active);

    static SkillGroupDto Dto(SkillGroupRow r, Dictionary<string, List<string>> members, Dictionary<string, List<string>> queues) =>
        new(r.Id, r.Name, r.NameZh, r.Active, [.. members.GetValueOrDefault(r.Id) ?? []], [.. queues.GetValueOrDefault(r.Id) ?? []]);

    static async Task<(Dictionary<string, List<string>> Members, Dictionary<string, List<string>> Queues)> UsesAsync(ReadModelDb db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.SkillGroups }).ToListAsync(ct);
        var members = users.SelectMany(u => u.SkillGroups.Select(g => (Group: g, u.Id))).GroupBy(x => x.Group).ToDictionary(x => x.Key, x => x.Select(y => y.Id).ToList());
        var queues = (await db.Set<QueueRow>().AsNoTracking().Where(q => q.Active).Select(q => new { q.Id, q.SkillGroup }).ToListAsync(ct))
            .GroupBy(q => q.SkillGroup ?? q.Id).ToDictionary(x => x.Key, x => x.Select(q => q.Id).Order().ToList());
        return (members, queues);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,47}$")] private static partial Regex Code();
}
