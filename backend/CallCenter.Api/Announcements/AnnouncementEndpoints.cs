using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Announcements;

public sealed record AnnouncementDto(long Id, string Title, string Body, bool Urgent, DateTimeOffset PublishedAt);
public sealed record PublishAnnouncement(string? Title, string? Body, bool Urgent);

/// <summary>R-UI-5, R-ANN-1 (everyone-audience part): announcements on the desktop, urgent first.</summary>
public static class AnnouncementEndpoints
{
    public static void MapAnnouncements(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/announcements").WithTags("Announcements").RequireAuthorization();
        g.MapGet("/", (ReadModelDb db, CancellationToken ct) =>
                db.Announcements.AsNoTracking().OrderByDescending(a => a.Urgent).ThenByDescending(a => a.PublishedAt).Take(100)
                    .Select(a => new AnnouncementDto(a.Id, a.Title, a.Body, a.Urgent, a.PublishedAt)).ToListAsync(ct))
            .WithSummary("Announcements, urgent first, newest first.");
        g.MapPost("/", async Task<Results<Created<AnnouncementDto>, ValidationProblem>> (PublishAnnouncement body, ReadModelDb db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 120)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["Give a title of 1 to 120 characters."] });
            var row = new AnnouncementRow { Title = body.Title.Trim(), Body = body.Body ?? "", Urgent = body.Urgent, PublishedAt = clock.GetUtcNow(), Author = user.Id };
            db.Announcements.Add(row);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/announcements/{row.Id}", new AnnouncementDto(row.Id, row.Title, row.Body, row.Urgent, row.PublishedAt));
        }).RequireAuthorization(Policies.Supervise).IdempotentCreate().WithSummary("Publish an announcement to everyone (supervisors, admins).");
    }
}
