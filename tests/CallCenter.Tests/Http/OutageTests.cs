using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Tests.Http;

/// <summary>
/// Issue 17 "outages said plainly" (decision 0020): the app's PostgreSQL database — event store and read models — stops
/// taking connections (a real server: the database is closed to connections and its sessions are ended, as in
/// maintenance or a failover). Reads and commands answer 503 with Retry-After, the outage is logged once with its end,
/// /health says unhealthy, and everything answers again afterwards.
/// </summary>
public class OutageTests : IAsyncLifetime
{
    readonly LogCollector logs = new();
    AppHost app = null!;
    string name = null!;

    public async Task InitializeAsync()
    {
        app = await AppHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        name = new Npgsql.NpgsqlConnectionStringBuilder(app.Database).Database!;
    }

    public async Task DisposeAsync()
    {
        await AdminAsync($"alter database \"{name}\" allow_connections true"); // whatever happened
        app.Dispose();
    }

    static async Task AdminAsync(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(TestDatabase.AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    Task StopDatabaseAsync() => AdminAsync($"""
        alter database "{name}" allow_connections false;
        select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}' and pid <> pg_backend_pid();
        """);

    int Lines(string start) => logs.Entries.Count(e => e.Category.EndsWith(".Outages") && e.Message.StartsWith(start));

    [Fact]
    public async Task While_the_database_is_down_reads_and_commands_are_503_with_Retry_After_logged_once_and_all_answers_again_after()
    {
        var agent = await app.SignInAsync("agent5");
        var supervisor = await app.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/announcements")).StatusCode);
        Assert.Equal(0, Lines("Outage"));

        await StopDatabaseAsync();
        var requests = 0;
        for (var i = 0; i < 8; i++)
        {
            var read = await agent.GetAsync("/api/announcements");
            var command = await agent.PostAsync("/api/agents/agent5/sign-in", null);
            var create = await supervisor.PostAsJsonAsync("/api/announcements", new { title = "During the outage", body = "", urgent = false });
            foreach (var r in new[] { read, command, create })
            {
                requests++;
                Assert.True(r.StatusCode == HttpStatusCode.ServiceUnavailable, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                Assert.Equal(TimeSpan.FromSeconds(5), r.Headers.RetryAfter?.Delta);
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            }
        }
        var health = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var state = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", state.GetProperty("status").GetString());
        Assert.False(state.GetProperty("database").GetBoolean());

        await AdminAsync($"alter database \"{name}\" allow_connections true");
        await Eventually.GetAsync(async () => (await agent.GetAsync("/api/announcements")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "reads again");
        var signedIn = await Eventually.GetAsync(async () => await agent.PostAsync("/api/agents/agent5/sign-in", null), r => r.IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "commands again");
        Assert.True(signedIn.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/announcements", new { title = "After the outage", body = "", urgent = false })).StatusCode);
        await Eventually.GetAsync(async () => (await app.Anonymous().GetAsync("/health")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "healthy again");
        await Eventually.GetAsync(() => Task.FromResult(Lines("Outage over")), n => n >= 1, TimeSpan.FromSeconds(30), "the end of the outage logged");

        // One outage, one pair of lines (not one per request); no stack traces written for it.
        Assert.Equal(1, Lines("Outage: "));
        Assert.Equal(1, Lines("Outage over"));
        var over = logs.Entries.Single(e => e.Message.StartsWith("Outage over"));
        Assert.Matches(@"\d+ requests were answered 503", over.Message);
        var traces = logs.Entries.Where(e => e.Exception is not null && e.Level >= LogLevel.Warning).ToList();
        Assert.True(traces.Count == 0, "stack traces logged: " + string.Join("\n", traces.Take(5).Select(e => $"{e.Category}: {e.Message} {e.Exception!.GetType().Name}: {e.Exception.Message}")));
        Assert.True(requests >= 24);
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>Keeps what the app logs (Information and above).</summary>
    public sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);
        public void Dispose() { }

        sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
