using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Realtime;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Announcements;

public sealed record AnnouncementDto(long Id, string Title, string Body, bool Urgent, DateTimeOffset PublishedAt, string? Author,
    AudienceDto Audience, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, DateTimeOffset? UpdatedAt, bool Read = false, int ReadCount = 0);
public sealed record PublishAnnouncement(string? Title, string? Body, bool Urgent, AudienceDto? Audience = null, DateTimeOffset? ValidFrom = null, DateTimeOffset? ValidTo = null);
public sealed record AnnouncementReader(string UserId, string Name, DateTimeOffset ReadAt);
public sealed record AnnouncementReads(long Id, int AudienceSize, AnnouncementReader[] Readers);

/// <summary>
/// R-ANN-1: announcements are reference data (decision 0003), edited by supervisors and admins; each change is pushed as
/// `announcementChanged { id }` to the users it is (or was) addressed to only, who refetch GET /api/announcements.
/// </summary>
public sealed class AnnouncementDesk(ReadModelDb db, CurrentUser user, TimeProvider clock, IHubContext<DesktopHub> hub)
{
    const int MaxListed = 200, MaxTitle = 120, MaxBody = 4000, MaxAudience = 500;

    async Task<List<Audience.Member>> MembersAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => !u.Disabled).Select(u => new Audience.Member(u.Id, u.SkillGroups, u.Team, u.Area)).ToListAsync(ct);

    async Task<Audience.Member?> MeAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => new Audience.Member(u.Id, u.SkillGroups, u.Team, u.Area)).FirstOrDefaultAsync(ct);

    static AnnouncementDto Dto(AnnouncementRow a, bool read = false, int readCount = 0) =>
        new(a.Id, a.Title, a.Body, a.Urgent, a.PublishedAt, a.Author, AudienceDto.Of(a), a.ValidFrom, a.ValidTo, a.UpdatedAt, read, readCount);

    public async Task<List<AnnouncementDto>> MineAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = await MeAsync(ct) ?? new Audience.Member(user.Id, [], null, null);
        var rows = await db.Announcements.AsNoTracking()
            .Where(a => (a.ValidFrom == null || a.ValidFrom <= now) && (a.ValidTo == null || a.ValidTo > now))
            .OrderByDescending(a => a.Urgent).ThenByDescending(a => a.PublishedAt).Take(MaxListed * 5).ToListAsync(ct);
        var mine = rows.Where(a => Audience.Includes(a, me)).Take(MaxListed).ToList();
        var ids = mine.Select(a => a.Id).ToArray();
        var read = await db.AnnouncementReads.AsNoTracking().Where(r => r.UserId == user.Id && ids.Contains(r.AnnouncementId)).Select(r => r.AnnouncementId).ToListAsync(ct);
        return [.. mine.Select(a => Dto(a, read.Contains(a.Id)))];
    }

    public async Task<List<AnnouncementDto>> ManagedAsync(CancellationToken ct)
    {
        var rows = await db.Announcements.AsNoTracking().Where(a => user.IsAdmin || a.Author == user.Id)
            .OrderByDescending(a => a.PublishedAt).Take(MaxListed).ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToArray();
        var counts = await db.AnnouncementReads.AsNoTracking().Where(r => ids.Contains(r.AnnouncementId))
            .GroupBy(r => r.AnnouncementId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. rows.Select(a => Dto(a, readCount: counts.GetValueOrDefault(a.Id)))];
    }

    public async Task<AnnouncementDto> PublishAsync(PublishAnnouncement body, CancellationToken ct)
    {
        var row = new AnnouncementRow { Title = "", PublishedAt = clock.GetUtcNow(), Author = user.Id };
        await ApplyAsync(row, body, ct);
        db.Announcements.Add(row);
        await db.SaveChangesAsync(ct);
        await PushAsync(row.Id, await RecipientsAsync([row], ct), ct);
        return Dto(row);
    }

    public async Task<AnnouncementDto> EditAsync(long id, PublishAnnouncement body, CancellationToken ct)
    {
        var row = await EditableAsync(id, ct);
        var before = new AnnouncementRow { Title = row.Title, AudienceAgents = row.AudienceAgents, AudienceSkillGroups = row.AudienceSkillGroups,
            AudienceTeams = row.AudienceTeams, AudienceAreas = row.AudienceAreas };
        await ApplyAsync(row, body, ct);
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await PushAsync(row.Id, await RecipientsAsync([before, row], ct), ct);
        return Dto(row, readCount: await db.AnnouncementReads.CountAsync(r => r.AnnouncementId == id, ct));
    }

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        var row = await EditableAsync(id, ct);
        var recipients = await RecipientsAsync([row], ct);
        await db.AnnouncementReads.Where(r => r.AnnouncementId == id).ExecuteDeleteAsync(ct);
        db.Announcements.Remove(row);
        await db.SaveChangesAsync(ct);
        await PushAsync(id, recipients, ct);
    }

    public async Task MarkReadAsync(long id, CancellationToken ct)
    {
        var row = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var me = await MeAsync(ct) ?? new Audience.Member(user.Id, [], null, null);
        if (row is null || !Audience.Includes(row, me)) throw new NotFoundException($"No announcement {id} is addressed to you.");
        await db.Database.ExecuteSqlAsync($"""
            insert into announcement_reads (announcement_id, user_id, read_at) values ({id}, {user.Id}, {clock.GetUtcNow()})
            on conflict do nothing
            """, ct);
    }

    public async Task<AnnouncementReads> ReadsAsync(long id, CancellationToken ct)
    {
        var row = await EditableAsync(id, ct);
        var readers = await (from r in db.AnnouncementReads.AsNoTracking()
                             join u in db.Users.AsNoTracking() on r.UserId equals u.Id into us
                             from u in us.DefaultIfEmpty()
                             where r.AnnouncementId == id
                             orderby r.ReadAt
                             select new AnnouncementReader(r.UserId, u != null ? u.Name : r.UserId, r.ReadAt)).ToArrayAsync(ct);
        var members = await MembersAsync(ct);
        return new AnnouncementReads(id, members.Count(m => Audience.Includes(row, m)), readers);
    }

    /// <summary>The author's own or any for an admin; 404 when there is none, 403 for another author's.</summary>
    async Task<AnnouncementRow> EditableAsync(long id, CancellationToken ct)
    {
        var row = await db.Announcements.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"There is no announcement {id}.");
        if (!user.IsAdmin && row.Author != user.Id) throw new ForbiddenException($"Announcement {id} is {row.Author}'s.");
        return row;
    }

    async Task ApplyAsync(AnnouncementRow row, PublishAnnouncement body, CancellationToken ct)
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Trim().Length > MaxTitle) errors.Add(new("title", $"Give a title of 1 to {MaxTitle} characters."));
        if ((body.Body?.Length ?? 0) > MaxBody) errors.Add(new("body", $"At most {MaxBody} characters."));
        if (body.ValidFrom is { } f && body.ValidTo is { } t && t <= f) errors.Add(new("validTo", "validTo must be after validFrom."));
        var a = body.Audience ?? new AudienceDto();
        string[] Clean(string[]? xs) => [.. (xs ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct()];
        var (agents, groups, teams, areas) = (Clean(a.Agents), Clean(a.SkillGroups), Clean(a.Teams), Clean(a.Areas));
        foreach (var (name, list) in new[] { ("audience.agents", agents), ("audience.skillGroups", groups), ("audience.teams", teams), ("audience.areas", areas) })
            if (list.Length > MaxAudience || list.Any(x => x.Length > 64)) errors.Add(new(name, $"At most {MaxAudience} names of up to 64 characters."));
        if (errors.Count == 0)
        {
            async Task Known(string field, string[] given, IQueryable<string> existing)
            {
                if (given.Length == 0) return;
                var found = await existing.Where(x => given.Contains(x)).ToListAsync(ct);
                if (given.Except(found).FirstOrDefault() is { } unknown) errors.Add(new(field, $"Unknown: '{unknown}'."));
            }
            await Known("audience.agents", agents, db.Users.Select(u => u.Id));
            await Known("audience.skillGroups", groups, db.Set<Telephony.Routing.SkillGroups.SkillGroupRow>().Select(g => g.Id));
            await Known("audience.teams", teams, db.Set<Users.TeamRow>().Select(t => t.Id));
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        row.Title = body.Title!.Trim();
        row.Body = body.Body ?? "";
        row.Urgent = body.Urgent;
        (row.AudienceAgents, row.AudienceSkillGroups, row.AudienceTeams, row.AudienceAreas) = (agents, groups, teams, areas);
        (row.ValidFrom, row.ValidTo) = (body.ValidFrom, body.ValidTo);
    }

    /// <summary>Who must be told: everyone (null) or the members addressed by any of the rows, plus the author.</summary>
    async Task<string[]?> RecipientsAsync(AnnouncementRow[] rows, CancellationToken ct)
    {
        if (rows.Any(Audience.IsEveryone)) return null;
        var members = await MembersAsync(ct);
        return [.. members.Where(m => rows.Any(r => Audience.Includes(r, m))).Select(m => m.Id).Append(user.Id).Distinct()];
    }

    Task PushAsync(long id, string[]? recipients, CancellationToken ct) =>
        recipients is null
            ? hub.Clients.All.SendAsync("announcementChanged", new { id }, ct)
            : hub.Clients.Groups([.. recipients.Select(DesktopHub.UserGroup)]).SendAsync("announcementChanged", new { id }, ct);
}
