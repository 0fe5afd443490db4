using System.Security.Claims;
using CallCenter.Auth.Me;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Auth.LoggingIn;

public sealed record LoginRequest(string? Username, string? Password);

/// <summary>Checks the password, logs the attempt (R-LOGIN-1), and starts the cookie session.</summary>
public static class Login
{
    public static async Task<Results<Ok<MeDto>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        LoginRequest request, HttpContext http, ReadModelDb db, IPasswordHasher<UserRow> hasher, MeQuery me, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username)) errors["username"] = ["Enter your login name."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var username = request.Username!.Trim();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == username, ct);
        var ok = user is not null && hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!) != PasswordVerificationResult.Failed;

        db.LoginLog.Add(new LoginLogRow
        {
            Username = username,
            At = clock.GetUtcNow(),
            Ip = http.Connection.RemoteIpAddress?.ToString(),
            SkillGroups = user?.SkillGroups ?? [],
            Succeeded = ok,
            Failure = ok ? null : user is null ? "unknown user" : "wrong password",
            UserAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 256)] : null,
        });
        await db.SaveChangesAsync(ct);
        if (!ok) return TypedResults.Problem(statusCode: 401, title: "Wrong login name or password.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user!.Id), new Claim("display_name", user.Name), .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        http.User = principal;
        AuthSetup.IssueXsrfToken(http);
        return TypedResults.Ok(await me.ForAsync(user.Id, ct));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, CancellationToken ct)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.Response.Cookies.Delete(AuthSetup.XsrfCookie);
        return TypedResults.NoContent();
    }
}
