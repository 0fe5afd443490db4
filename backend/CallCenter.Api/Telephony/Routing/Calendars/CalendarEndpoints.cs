using System.Text.RegularExpressions;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing.Calendars;

public sealed record BusinessCalendarDto(string Id, string Name, string? NameZh, bool Active, WeeklyWindow[] Weekly, Holiday[] Holidays,
    HoursException[] Exceptions, string[] UsedByQueues)
{
    public static BusinessCalendarDto From(BusinessCalendarRow r, string[] queues)
    {
        var s = r.ToSchedule();
        return new(r.Id, r.Name, r.NameZh, r.Active, s.Weekly, s.Holidays, s.Exceptions, queues);
    }
}

/// <summary>Body of PUT /api/business-calendars/{id}.</summary>
public sealed record SaveBusinessCalendar(string? Name, string? NameZh, bool? Active, WeeklyWindow[]? Weekly, Holiday[]? Holidays, HoursException[]? Exceptions);

/// <summary>R-ADM-2, R-ACD-2: business-hours calendars (weekly schedule, holidays, exceptions) that queues route by.</summary>
public static partial class CalendarEndpoints
{
    public static void MapBusinessCalendars(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/business-calendars").WithTags("ACD").RequireAuthorization();
        g.MapGet("/", async (ReadModelDb db, CancellationToken ct) =>
            {
                var uses = await UsesAsync(db, ct);
                return (await db.Set<BusinessCalendarRow>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct))
                    .Select(c => BusinessCalendarDto.From(c, uses.GetValueOrDefault(c.Id, []))).ToList();
            })
            .WithSummary("The business-hours calendars, retired ones included, with the queues that use each.");
        g.MapGet("/{id}", async Task<Ok<BusinessCalendarDto>> (string id, ReadModelDb db, CancellationToken ct) =>
            {
                var row = await db.Set<BusinessCalendarRow>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
                    ?? throw new NotFoundException($"No business calendar {id}.");
                return TypedResults.Ok(BusinessCalendarDto.From(row, (await UsesAsync(db, ct)).GetValueOrDefault(id, [])));
            })
            .WithSummary("One business-hours calendar.");
        g.MapPut("/{id}", async Task<Results<Ok<BusinessCalendarDto>, ValidationProblem>> (string id, SaveBusinessCalendar body, ReadModelDb db,
                QueueDirectory queues, CancellationToken ct) =>
            {
                var schedule = new CalendarSchedule(body.Weekly ?? [], body.Holidays ?? [], (body.Exceptions ?? []).Select(e => e with { Windows = e.Windows ?? [] }).ToArray());
                var errors = BusinessHours.Validate(schedule);
                if (!Code().IsMatch(id)) errors["id"] = ["An id is lower-case letters, digits and dashes, at most 48."];
                if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 64) errors["name"] = ["Give a name of 1 to 64 characters."];
                if (body.NameZh is { Length: > 64 }) errors["nameZh"] = ["At most 64 characters."];
                var uses = await UsesAsync(db, ct);
                if (body.Active == false && uses.GetValueOrDefault(id, []) is { Length: > 0 } used)
                    errors["active"] = [$"Queues {string.Join(", ", used)} route by this calendar; give them another one first."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var row = await db.Set<BusinessCalendarRow>().FindAsync([id], ct);
                if (row is null) db.Add(row = new BusinessCalendarRow { Id = id, Name = "" });
                row.Name = body.Name!.Trim();
                row.NameZh = string.IsNullOrWhiteSpace(body.NameZh) ? null : body.NameZh.Trim();
                row.Active = body.Active ?? true;
                row.Schedule = BusinessCalendarRow.Serialize(schedule);
                await db.SaveChangesAsync(ct);
                queues.Invalidate();
                return TypedResults.Ok(BusinessCalendarDto.From(row, uses.GetValueOrDefault(id, [])));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Create or change a calendar (admins). active=false retires it (refused while a queue uses it); calendars are never deleted.");
    }

    static async Task<Dictionary<string, string[]>> UsesAsync(ReadModelDb db, CancellationToken ct) =>
        (await db.Set<QueueRow>().AsNoTracking().Where(q => q.CalendarId != null).Select(q => new { q.Id, q.CalendarId }).ToListAsync(ct))
        .GroupBy(q => q.CalendarId!).ToDictionary(g => g.Key, g => g.Select(q => q.Id).Order().ToArray());

    [GeneratedRegex("^[a-z][a-z0-9-]{0,47}$")] private static partial Regex Code();
}
