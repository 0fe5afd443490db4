using Microsoft.AspNetCore.HttpOverrides;

namespace CallCenter.Infrastructure.Http;

/// <summary>
/// The browser policy on every response (decision 0020): a strict Content-Security-Policy (scripts only from this
/// origin, no inline script, no eval, no plugins, no framing), nosniff, DENY framing, no referrer across origins.
/// Styles allow 'unsafe-inline' because Ant Design writes its CSS-in-JS into style elements; Swagger UI is served
/// from this origin too. Behind a TLS proxy, the forwarded headers of the proxies named in CALLCENTER_FORWARDED_PROXIES
/// are honoured, so Request.IsHttps is true and the cookies are Secure.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            // Swagger UI turns its request interceptor (a string in its config) into a function: eval, on /swagger only.
            h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger")
                ? ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' 'unsafe-eval'") : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>X-Forwarded-For/-Proto from the configured proxies only (comma-separated addresses); none: not used.</summary>
    public static void UseConfiguredForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Configuration["CALLCENTER_FORWARDED_PROXIES"];
        if (string.IsNullOrWhiteSpace(proxies)) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            options.KnownProxies.Add(System.Net.IPAddress.Parse(address));
        app.UseForwardedHeaders(options);
    }
}
