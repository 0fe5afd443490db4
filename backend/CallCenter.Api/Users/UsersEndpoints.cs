using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Auth;
using CallCenter.Reports;
using CallCenter.Users.Excel;
using CallCenter.Users.Managing;
using CallCenter.Users.Teams;
using CallCenter.Users.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Users;

/// <summary>/api/users, /api/teams and /api/admin-changes (R-ADM-1, R-ROLE-2).</summary>
public static class UsersEndpoints
{
    public static IServiceCollection AddUsers(this IServiceCollection s) =>
        s.AddScoped<UserAdmin>().AddScoped<TeamAdmin>().AddScoped<UserSheet>().AddScoped<AdminChanges>();

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers);
        users.MapGet("/", async (UserAdmin a, string? format, CancellationToken ct) =>
                format is null ? (IResult)TypedResults.Ok(await a.ListAsync(ct)) : ReportOutput.Rows(await a.ListAsync(ct), format, "users"))
            .WithSummary("Every user this admin manages (team admins: their teams' users). Disabled users are listed too.");
        users.MapGet("/export", async (UserSheet sheet, CancellationToken ct) =>
                TypedResults.File(ReportOutput.Xlsx(await sheet.ExportAsync(ct)), ReportOutput.XlsxContentType, "users.xlsx"))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), ReportOutput.XlsxContentType)
            .WithSummary("The users as an Excel workbook in the import's layout (no passwords).");
        users.MapPost("/import", async (HttpContext http, UserSheet sheet, bool? dryRun, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, ct);
                if (buffer.Length is 0 or > UserSheet.MaxBytes)
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("file", "Send the .xlsx workbook (at most 5 MB) as the request body.")]);
                buffer.Position = 0;
                return TypedResults.Ok(await sheet.ImportAsync(buffer, dryRun ?? true, ct));
            })
            .WithSummary("Import users from an Excel workbook (the export's layout) sent as the request body (" + ReportOutput.XlsxContentType + "). dryRun (default true) only says what would change; with errors nothing changes.");
        users.MapPost("/", async Task<Results<Created<UserDto>, ProblemHttpResult>> (UserBody body, UserAdmin a, CancellationToken ct) =>
                await a.CreateAsync(body, ct) is { } created
                    ? TypedResults.Created($"/api/users/{created.Id}", created)
                    : TypedResults.Problem(statusCode: 409, title: "Exists already.", detail: $"There is already a user '{body.Id}'."))
            .IdempotentCreate()
            .WithSummary("Create a user: login name (= agent id in CTI events), name, password, roles, agent types, team, skill groups with proficiency 1–5, extension.");
        users.MapGet("/{id}", async (string id, UserAdmin a, CancellationToken ct) => TypedResults.Ok(await a.GetAsync(id, ct)))
            .WithSummary("One user.");
        users.MapPut("/{id}", async (string id, UserBody body, UserAdmin a, CancellationToken ct) => TypedResults.Ok(await a.UpdateAsync(id, body, ct)))
            .WithSummary("Edit a user (everything but the login name and password). A role change ends the user's sessions.");
        users.MapPost("/{id}/disable", async (string id, UserAdmin a, CancellationToken ct) => TypedResults.Ok(await a.SetDisabledAsync(id, true, ct)))
            .WithSummary("Disable a user: their sessions end at once and they cannot sign in. Users are never deleted.");
        users.MapPost("/{id}/enable", async (string id, UserAdmin a, CancellationToken ct) => TypedResults.Ok(await a.SetDisabledAsync(id, false, ct)))
            .WithSummary("Enable a disabled user again.");
        users.MapPost("/{id}/password", async (string id, NewPasswordBody body, UserAdmin a, CancellationToken ct) =>
            {
                await a.ResetPasswordAsync(id, body.NewPassword, ct);
                return TypedResults.NoContent();
            })
            .WithSummary($"Reset a user's password (policy: {PasswordPolicy.Statement}); their sessions end.");

        var teams = app.MapGroup("/api/teams").WithTags("Users").RequireAuthorization();
        teams.MapGet("/", async (TeamAdmin a, CancellationToken ct) => TypedResults.Ok(await a.ListAsync(ct)))
            .WithSummary("Teams with supervisors, team admins and members (admins and auditors all; others the teams they lead).");
        teams.MapGet("/{id}", async (string id, TeamAdmin a, CancellationToken ct) => TypedResults.Ok(await a.GetAsync(id, ct)))
            .WithSummary("One team.");
        teams.MapPost("/", async Task<Results<Created<TeamDto>, ProblemHttpResult>> (TeamBody body, TeamAdmin a, CancellationToken ct) =>
                await a.CreateAsync(body, ct) is { } created
                    ? TypedResults.Created($"/api/teams/{created.Id}", created)
                    : TypedResults.Problem(statusCode: 409, title: "Exists already.", detail: $"There is already a team '{body.Id}'."))
            .RequireAuthorization(Policies.Administer).IdempotentCreate()
            .WithSummary("Create a team: id, name, supervisors, team admins, members.");
        teams.MapPut("/{id}", async (string id, TeamBody body, TeamAdmin a, CancellationToken ct) => TypedResults.Ok(await a.UpdateAsync(id, body, ct)))
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Edit a team; members given replace the team's members.");

        app.MapGet("/api/admin-changes", async (AdminChanges trail, string? userId, string? teamId,
                [System.ComponentModel.Description("Only the changes to this skill group (its name, retirement; its members are on their users).")] string? skillGroupId,
                [System.ComponentModel.Description("Only the changes to this queue's settings (strategy, skill group, calendar, duty agents…).")] string? queueId,
                int? take, CancellationToken ct) =>
                TypedResults.Ok(await trail.ReadAsync(
                    userId is not null ? AdminChanges.UserStream(userId) : teamId is not null ? AdminChanges.TeamStream(teamId)
                    : skillGroupId is not null ? AdminChanges.SkillGroupStream(skillGroupId) : queueId is not null ? AdminChanges.QueueStream(queueId) : null,
                    Math.Clamp(take ?? 200, 1, 1000), ct)))
            .WithTags("Audit").RequireAuthorization(Policies.ReadTrail)
            .WithSummary("The trail of admin changes to users, teams, skill groups and queues, newest first: who changed what, when (auditors, admins).");
    }
}

public sealed record NewPasswordBody(string? NewPassword);
