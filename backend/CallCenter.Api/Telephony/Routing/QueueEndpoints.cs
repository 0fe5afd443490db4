using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

public sealed record QueueDto(string Id, string Name, string? NameZh, string Strategy, string? IvrKey, int ServiceLevelSeconds,
    int MaxWaitSeconds, string OpensAt, string ClosesAt, string[] DutyAgents)
{
    /// <summary>The skill group whose agents serve the queue.</summary>
    public string SkillGroup { get; init; } = "";
    /// <summary>The business-hours calendar (null: opensAt/closesAt, for time-of-day only).</summary>
    public string? CalendarId { get; init; }
    /// <summary>Outside the calendar's hours: duty-agents, voicemail or overflow (to overflowQueue).</summary>
    public string AfterHours { get; init; } = AfterHoursRules.DutyAgents;
    public string? OverflowQueue { get; init; }
    /// <summary>False: retired (kept for history, selected by no IVR key).</summary>
    public bool Active { get; init; } = true;

    public static QueueDto From(QueueRow r) => new(r.Id, r.Name, r.NameZh, r.Strategy, r.IvrKey, r.ServiceLevelSeconds, r.MaxWaitSeconds,
        r.OpensAt.ToString("HH:mm"), r.ClosesAt.ToString("HH:mm"), r.DutyAgents)
    {
        SkillGroup = r.SkillGroup ?? r.Id, CalendarId = r.CalendarId, AfterHours = r.AfterHours, OverflowQueue = r.OverflowQueue, Active = r.Active,
    };
}

public static class QueueEndpoints
{
    public static void MapQueues(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/queues").WithTags("ACD").RequireAuthorization();
        g.MapGet("/", async (ReadModelDb db, CancellationToken ct) =>
                (await db.Set<QueueRow>().AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct)).Select(QueueDto.From))
            .WithSummary("The ACD queues: routing strategy, IVR key, service level, business hours, duty agents (R-ACD-2).");
        g.MapGet("/{id}", async Task<Ok<QueueDto>> (string id, ReadModelDb db, CancellationToken ct) =>
                TypedResults.Ok(QueueDto.From(await db.Set<QueueRow>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct)
                    ?? throw new CallCenter.Infrastructure.EventSourcing.NotFoundException($"No queue {id}."))))
            .WithSummary("One ACD queue, retired or not.");

        g.MapPut("/{id}", async Task<Results<Ok<QueueDto>, ValidationProblem>> (string id, SaveQueue body, ReadModelDb db, QueueDirectory directory,
                Mediator.IMediator mediator, Users.Trail.AdminChanges trail, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
            {
                var users = await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync(ct);
                var otherKeys = await db.Set<QueueRow>().AsNoTracking().Where(q => q.Id != id && q.IvrKey != null).Select(q => q.IvrKey!).ToListAsync(ct);
                var errors = QueueRules.Validate(id, body, users.ToHashSet(), otherKeys.ToHashSet());
                foreach (var (field, messages) in QueueRules.ValidateRefs(id, body, await QueueRefsAsync(db, id, ct))) errors[field] = messages;
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var row = await db.Set<QueueRow>().FindAsync([id], ct);
                int? slBefore = row?.ServiceLevelSeconds;
                var before = row is null ? null : QueueDto.From(row);
                if (row is null) db.Add(row = new QueueRow { Id = id, Name = "", Strategy = "", SortOrder = 100 });
                QueueRules.Apply(body, row);
                // KPI settings are history (decision 0008): the threshold's change is recorded with the time it takes effect.
                await mediator.Send(new Settings.Changing.RecordQueueServiceLevel(id, slBefore, row.ServiceLevelSeconds, clock.GetUtcNow()), ct);
                await db.SaveChangesAsync(ct);
                directory.Invalidate();
                // The trail (R-ADM-1): who changed which of the queue's settings (strategy, skill group, duty agents…), when.
                var changes = Users.Trail.AdminChanges.Diff(before, QueueDto.From(row));
                changes.Remove("id");
                if (changes.Count > 0)
                    await trail.AppendAsync(Users.Trail.AdminChanges.QueueStream(id), me.AdminMetadata(), ct, before is null
                        ? new Users.Trail.QueueCreated(id, changes, clock.GetUtcNow()) : new Users.Trail.QueueUpdated(id, changes, clock.GetUtcNow()));
                return TypedResults.Ok(QueueDto.From(row));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Create or change a queue (admins). Times are HH:mm; closesAt before opensAt spans midnight. active=false retires it.");
    }

    static async Task<QueueRefs> QueueRefsAsync(ReadModelDb db, string id, CancellationToken ct) => new(
        (await db.Set<SkillGroups.SkillGroupRow>().AsNoTracking().Select(g => g.Id).ToListAsync(ct)).ToHashSet(),
        (await db.Set<Calendars.BusinessCalendarRow>().AsNoTracking().Where(c => c.Active).Select(c => c.Id).ToListAsync(ct)).ToHashSet(),
        (await db.Set<QueueRow>().AsNoTracking().Where(q => q.Id != id).Select(q => q.Id).ToListAsync(ct)).ToHashSet());
}
