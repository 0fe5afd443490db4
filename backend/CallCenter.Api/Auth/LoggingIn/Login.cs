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

/// <summary>
/// Checks the password, logs the attempt (R-LOGIN-1), and starts a server-side session (<see cref="Sessions"/>).
/// Failures are throttled (<see cref="LoginThrottle"/>); an unknown or disabled user costs one password hash like a
/// wrong password, so timing does not tell which names exist.
/// </summary>
public static class Login
{
    /// <summary>Login names are at most this long; longer ones are unknown users (and stored truncated in the log).</summary>
    public const int MaxUsername = 64;

    static readonly UserRow Nobody = new() { Id = "", Name = "", PasswordHash = "" };
    /// <summary>One dummy hash per hasher (per app): made with that hasher's own cost, so an unknown name costs a real verification.</summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPasswordHasher<UserRow>, string> DummyHashes = [];

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        LoginRequest request, HttpContext http, ReadModelDb db, IPasswordHasher<UserRow> hasher, MeQuery me, TimeProvider clock,
        LoginThrottle throttle, Sessions sessions, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username)) errors["username"] = ["Enter your login name."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var username = request.Username!.Trim();
        var plausible = username.Length <= MaxUsername && !username.Any(char.IsControl);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var logged = Loggable(username);

        if (throttle.Blocked(logged, address) is { } wait)
        {
            await LogAsync(db, http, clock, logged, address, null, "throttled", ct);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins.",
                detail: $"Too many failed sign-ins for this name or from this address. Try again in {seconds} s.");
        }

        var user = plausible ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == username, ct) : null;
        // Always one hash verification: unknown names cost what wrong passwords cost.
        var hash = user?.PasswordHash ?? DummyHashes.GetValue(hasher, h => h.HashPassword(Nobody, Guid.NewGuid().ToString()));
        var passwordOk = hasher.VerifyHashedPassword(user ?? Nobody, hash, request.Password!) != PasswordVerificationResult.Failed && user is not null;
        var ok = passwordOk && !user!.Disabled;
        var failure = ok ? null : user is null ? "unknown user" : !passwordOk ? "wrong password" : "disabled";
        await LogAsync(db, http, clock, logged, address, user?.SkillGroups, failure, ct);

        if (!ok)
        {
            if (!passwordOk) throttle.Failed(logged, address);
            return TypedResults.Problem(statusCode: 401, title: failure == "disabled" ? "This account is disabled." : "Wrong login name or password.");
        }
        throttle.Succeeded(logged);

        var sessionId = await sessions.StartAsync(db, user!.Id, ct);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id), new Claim("display_name", user.Name), new Claim(Sessions.ClaimType, sessionId.ToString()),
             .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var principal = new ClaimsPrincipal(identity);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        http.User = principal;
        AuthSetup.IssueXsrfToken(http);
        return TypedResults.Ok(await me.ForAsync(user.Id, ct));
    }

    /// <summary>What the log keeps of a name: control characters replaced, at most <see cref="MaxUsername"/> characters.</summary>
    public static string Loggable(string username)
    {
        var clean = new string(username.Take(MaxUsername + 1).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > MaxUsername ? clean[..(MaxUsername - 1)] + "…" : clean;
    }

    static async Task LogAsync(ReadModelDb db, HttpContext http, TimeProvider clock, string username, string? address, string[]? groups, string? failure, CancellationToken ct)
    {
        db.LoginLog.Add(new LoginLogRow
        {
            Username = username,
            At = clock.GetUtcNow(),
            Ip = address,
            SkillGroups = groups ?? [],
            Succeeded = failure is null,
            Failure = failure,
            UserAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua
                ? new string(ua[..Math.Min(ua.Length, 256)].Select(c => char.IsControl(c) ? '?' : c).ToArray()) : null,
        });
        await db.SaveChangesAsync(ct);
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, Sessions sessions, CancellationToken ct)
    {
        if (Sessions.IdOf(http.User) is { } id) await sessions.EndAsync(id, "logout", ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        http.Response.Cookies.Delete(AuthSetup.XsrfCookie);
        return TypedResults.NoContent();
    }
}
