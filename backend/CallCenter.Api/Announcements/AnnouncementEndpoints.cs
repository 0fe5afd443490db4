using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Announcements;

/// <summary>R-UI-5, R-ANN-1: announcements on the desktop (urgent first), managed by supervisors and admins, targeted, read receipts.</summary>
public static class AnnouncementEndpoints
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection s) => s.AddScoped<AnnouncementDesk>();

    public static void MapAnnouncements(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/announcements").WithTags("Announcements").RequireAuthorization();
        g.MapGet("/", async (AnnouncementDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.MineAsync(ct)))
            .WithSummary("The announcements addressed to you and valid now, urgent first, newest first, with whether you have read each. Live: SignalR \"announcementChanged\".");
        g.MapGet("/manage", async (AnnouncementDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ManagedAsync(ct)))
            .RequireAuthorization(Policies.Supervise)
            .WithSummary("Announcements you may edit (a supervisor their own, admins all), also those outside their validity window, with read counts.");
        g.MapPost("/", async Task<Created<AnnouncementDto>> ([FromBody] PublishAnnouncement body, AnnouncementDesk desk, CancellationToken ct) =>
            {
                var a = await desk.PublishAsync(body, ct);
                return TypedResults.Created($"/api/announcements/{a.Id}", a);
            })
            .RequireAuthorization(Policies.Supervise).IdempotentCreate()
            .WithSummary("Publish an announcement (supervisors, admins) to everyone or an audience of work ids, skill groups, teams and areas, optionally within a validity window; pushed live to its audience only.");
        g.MapPut("/{id:long}", async (long id, [FromBody] PublishAnnouncement body, AnnouncementDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.EditAsync(id, body, ct)))
            .RequireAuthorization(Policies.Supervise)
            .WithSummary("Edit an announcement (its author or an admin); the old and the new audience are told live.");
        g.MapDelete("/{id:long}", async (long id, AnnouncementDesk desk, CancellationToken ct) =>
            {
                await desk.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Supervise)
            .WithSummary("Delete an announcement (its author or an admin); it leaves its audience's desktops live.");
        g.MapPost("/{id:long}/read", async (long id, AnnouncementDesk desk, CancellationToken ct) =>
            {
                await desk.MarkReadAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Desk)
            .WithSummary("Record that you have read an announcement addressed to you (once; repeating changes nothing). Desk users (agents, supervisors, admins); read-only roles only read.");
        g.MapGet("/{id:long}/reads", async (long id, AnnouncementDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ReadsAsync(id, ct)))
            .RequireAuthorization(Policies.Supervise)
            .WithSummary("Who has read an announcement, when, and how many it is addressed to (its author or an admin).");
    }
}
