namespace CallCenter.Infrastructure.Http;

/// <summary>
/// The browser policy on every response (decision 0020): a strict Content-Security-Policy (scripts only from this
/// origin, no inline script, no eval, no plugins, no framing), nosniff, DENY framing, no referrer across origins.
/// Styles allow 'unsafe-inline' because Ant Design writes its CSS-in-JS into style elements; Swagger UI is served
/// from this origin too. Media may come from blob: URLs: the recordings player fetches a recording once (the one
/// recorded "play") and hands the bytes to the audio element as a blob (without media-src the policy fell back to
/// default-src 'self', Chromium refused the blob and the player stayed at 0:00). Behind a TLS proxy (CALLCENTER_FORWARDED_HEADERS=on,
/// CALLCENTER_KNOWN_PROXIES, see ForwardedHeadersSetup) Request.IsHttps is true and the cookies are Secure.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; " +
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
}
