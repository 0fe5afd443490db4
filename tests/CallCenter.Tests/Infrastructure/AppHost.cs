using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallCenter.Tests.Infrastructure;

/// <summary>The real app (real PostgreSQL, real event store) in a test host, on a database of its own.</summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    public const string Password = "test-pass-1";
    public string Database { get; }
    readonly IReadOnlyDictionary<string, string> settings;
    readonly Action<IServiceCollection>? services;

    AppHost(string database, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services) =>
        (Database, this.settings, this.services) = (database, settings ?? new Dictionary<string, string>(), services);

    /// <summary>
    /// Starts the app; <paramref name="settings"/> override the test defaults (e.g. CALLCENTER_SIMULATOR to run the live
    /// traffic generator), <paramref name="services"/> replace registrations (e.g. the clock).
    /// </summary>
    public static async Task<AppHost> StartAsync(string? database = null, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var host = new AppHost(database ?? await TestDatabase.CreateAsync("app"), settings, services);
        _ = host.Server; // start now: migrations, seeding, projections
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CALLCENTER_DB", Database);
        builder.UseSetting("CALLCENTER_DEMO_PASSWORD", Password);
        builder.UseSetting("CALLCENTER_SIMULATOR", "off");
        builder.UseSetting("EVENTSTORE_CONNECTION", ""); // each host its own PostgreSQL event store, even when a test run sets it
        builder.UseSetting("CALLCENTER_RECORDINGS_DIR", Path.Combine(Path.GetTempPath(), "callcenter-tests", "recordings")); // not the bin folder
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        // The test server has no network peer; give requests the loopback address Kestrel would report.
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, LoopbackPeer>());
        if (services is not null) builder.ConfigureTestServices(services); // after the app's own registrations
    }

    sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    /// <summary>Closes this database's idle pooled connections too (EF's pool outlives the host; many hosts would exhaust the server).</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        using var connection = new Npgsql.NpgsqlConnection(Database);
        Npgsql.NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>An HTTP client with its own cookie jar, not signed in.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>Signs in as <paramref name="user"/> and sends the XSRF header on every call, as the SPA does.</summary>
    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xsrf = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("XSRF-TOKEN="));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
        return client;
    }
}
