using Microsoft.Extensions.FileProviders;

namespace CallCenter.Infrastructure.Http;

/// <summary>Serving the built SPA beside the API, and Swagger UI that works with the session cookie.</summary>
public static class WebHosting
{
    public static AppOptions BuildAppOptions(this IServiceCollection services) =>
        (AppOptions)services.Single(d => d.ServiceType == typeof(AppOptions)).ImplementationInstance!;

    public static void UseSpa(this WebApplication app, string? spaDir)
    {
        if (spaDir is null || !Directory.Exists(spaDir)) return;
        var files = new PhysicalFileProvider(Path.GetFullPath(spaDir));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    /// <summary>Client-side routes fall back to index.html; /api, /hubs and /swagger never do.</summary>
    public static void MapSpaFallback(this WebApplication app, string? spaDir)
    {
        if (spaDir is null || !File.Exists(Path.Combine(spaDir, "index.html"))) return;
        var index = Path.Combine(Path.GetFullPath(spaDir), "index.html");
        // GET and HEAD only: any other method on an unknown path is 404/405, never the SPA with 200.
        app.MapMethods("{*path:regex(^(?!api/|hubs/|swagger|health$).*$)}", [HttpMethods.Get, HttpMethods.Head], () => Results.File(index, "text/html"))
            .WithOrder(int.MaxValue).ExcludeFromDescription();
    }

    public static void UseSwaggerWithSession(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "CallCenter API";
            // Cookie calls need the XSRF header: echo the XSRF-TOKEN cookie on every request from the UI.
            o.UseRequestInterceptor("(req) => { const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/); if (m) req.headers['X-XSRF-TOKEN'] = decodeURIComponent(m[1]); return req; }");
        });
    }
}
