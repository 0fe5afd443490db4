using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CallCenter.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy (CALLCENTER_FORWARDED_HEADERS=on), X-Forwarded-For and X-Forwarded-Proto from the proxies in
/// CALLCENTER_KNOWN_PROXIES give the client's address (the login log records it) and scheme (Secure cookies). Off by
/// default: then the headers are ignored and nobody can fake an address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void UseCallCenterForwardedHeaders(this WebApplication app, AppOptions options)
    {
        if (!options.ForwardedHeaders) return;
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.KnownProxies)
            if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
            else throw new InvalidOperationException($"CALLCENTER_KNOWN_PROXIES: '{proxy}' is not an IP address.");
        app.UseForwardedHeaders(forwarded);
    }
}
