using CallCenter.Auth.LoggingIn;
using CallCenter.Auth.Me;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Auth;

/// <summary>/api/auth (session) and /api/me (the signed-in user).</summary>
public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Session");
        auth.MapPost("/login", Login.HandleAsync).AllowAnonymous().WithMetadata(Infrastructure.Http.ChecksItsOwnInput.Instance) // logs every attempt, truncated
            .WithSummary("Sign in: sets the HttpOnly session cookie and the XSRF-TOKEN cookie; 401 on bad credentials. Every attempt is logged (R-LOGIN-1).");
        auth.MapPost("/logout", Login.LogoutAsync).RequireAuthorization().WithSummary("Sign out (ends the session).");

        var me = app.MapGroup("/api/me").WithTags("Session").RequireAuthorization();
        me.MapGet("/", async (HttpContext http, CurrentUser user, MeQuery q, CancellationToken ct) =>
        {
            if (!http.Request.Cookies.ContainsKey(AuthSetup.XsrfCookie)) AuthSetup.IssueXsrfToken(http);
            return TypedResults.Ok(await q.ForAsync(user.Id, ct));
        }).WithSummary("The signed-in user: id, name, roles, skill groups, extension, agent state.");
        me.MapPost("/password", ChangeMyPassword.HandleAsync)
            .WithSummary($"Change my password (policy: {CallCenter.Users.PasswordPolicy.Statement}); my other sessions end.");
        me.MapGet("/logins", (CurrentUser user, MeQuery q, int? take, CancellationToken ct) => q.LoginsAsync(user.Id, Math.Clamp(take ?? 50, 1, 500), ct))
            .WithSummary("My login log (R-ME-1).");

        app.MapGet("/api/login-log", async (ReadModelDb db, string? username, DateTimeOffset? from, DateTimeOffset? to, bool? succeeded,
                    string? ip, int? take, string? format, CancellationToken ct) =>
                CallCenter.Reports.ReportOutput.Rows(await db.LoginLog.AsNoTracking()
                    .Where(l => username == null || l.Username.StartsWith(username))
                    .Where(l => from == null || l.At >= from).Where(l => to == null || l.At < to)
                    .Where(l => succeeded == null || l.Succeeded == succeeded).Where(l => ip == null || l.Ip == ip)
                    .OrderByDescending(l => l.At).Take(Math.Clamp(take ?? 100, 1, 5000)).ToListAsync(ct), format, "login-log"))
            .WithTags("Administration").RequireAuthorization(Policies.ReadTrail)
            .WithSummary("Every login attempt: name, time, IP, skill groups, result (R-LOGIN-1). Filters: username (prefix), from, to, succeeded, ip; format=xlsx for Excel.");
    }
}
