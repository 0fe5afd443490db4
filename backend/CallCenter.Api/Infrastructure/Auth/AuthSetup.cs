using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace CallCenter.Infrastructure.Auth;

/// <summary>
/// HttpOnly session cookie, roles as claims, and CSRF protection for cookie calls: unsafe
/// requests of a signed-in user must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
/// Data-protection keys live in PostgreSQL so sessions survive restarts and work across instances.
/// </summary>
public static class AuthSetup
{
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";

    public static IServiceCollection AddCallCenterAuth(this IServiceCollection services, AppOptions options)
    {
        var protection = services.AddDataProtection().SetApplicationName("CallCenter").PersistKeysToDbContext<ReadModelDb>();
        if (options.DataProtectionCert is not null) // keys encrypted at rest (production requires it: ProductionChecks)
            protection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                options.DataProtectionCert, options.DataProtectionCertPassword));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "cc_session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => Problem(c.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first.");
            o.Events.OnValidatePrincipal = Sessions.ValidateAsync; // ended sessions are refused at once
            o.Events.OnRedirectToAccessDenied = c => Problem(c.HttpContext, StatusCodes.Status403Forbidden, "Your role does not allow this.");
        });
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = XsrfHeader;
            o.Cookie.Name = "cc_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<TeamScope>();
        services.AddSingleton<CallCenter.Auth.LoggingIn.LoginThrottle>();
        return services;
    }

    static Task Problem(HttpContext http, int status, string detail) =>
        Results.Problem(statusCode: status, detail: detail).ExecuteAsync(http);

    /// <summary>Issues a fresh XSRF-TOKEN cookie for the (already set) current user.</summary>
    public static void IssueXsrfToken(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Cookies.Append(XsrfCookie, tokens.RequestToken!,
            new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Strict, Path = "/", Secure = http.Request.IsHttps });
    }

    /// <summary>Validates the XSRF header on unsafe requests authenticated by the session cookie.</summary>
    public static IApplicationBuilder UseXsrfCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        // SignalR's negotiate POST is exempt: the hub only pushes, it accepts no commands.
        if (unsafeMethod && !http.Request.Path.StartsWithSegments("/hubs") && http.User.Identity?.IsAuthenticated == true && http.Request.Cookies.ContainsKey("cc_session"))
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        await next(http);
    });
}
