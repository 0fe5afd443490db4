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
        auth.MapPost("/login", Login.HandleAsync).AllowAnonymous()
            .WithSummary("Sign in: sets the HttpOnly session cookie and the XSRF-TOKEN cookie; 401 on bad credentials. Every attempt is logged (R-LOGIN-1).");
        auth.MapPost("/logout", Login.LogoutAsync).RequireAuthorization().WithSummary("Sign out (ends the session).");

        var me = app.MapGroup("/api/me").WithTags("Session").RequireAuthorization();
        me.MapGet("/", async (HttpContext http, CurrentUser user, MeQuery q, CancellationToken ct) =>
        {
            if (!http.Request.Cookies.ContainsKey(AuthSetup.XsrfCookie)) AuthSetup.IssueXsrfToken(http);
            return TypedResults.Ok(await q.ForAsync(user.Id, ct));
        }).WithSummary("The signed-in user: id, name, roles, skill groups, extension, agent state.");
        me.MapGet("/logins", (CurrentUser user, MeQuery q, int? take, CancellationToken ct) => q.LoginsAsync(user.Id, Math.Clamp(take ?? 50, 1, 500), ct))
            .WithSummary("My login log (R-ME-1).");

        app.MapGet("/api/login-log", (ReadModelDb db, string? username, int? take, CancellationToken ct) =>
                db.LoginLog.AsNoTracking().Where(l => username == null || l.Username == username)
                    .OrderByDescending(l => l.At).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct))
            .WithTags("Administration").RequireAuthorization(Policies.Administer)
            .WithSummary("Every login attempt: name, time, IP, skill groups, result (R-LOGIN-1).");
    }
}
