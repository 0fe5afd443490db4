using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Http;

/// <summary>Issue 17: bounded clean input, the browser policy headers, and a projection that faults instead of stalling.</summary>
public class HardeningTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync(services: s => s.AddSingleton<IProjection, ThrowingProjection>());
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 30, 0, TimeSpan.FromHours(8));

    HttpClient Pbx()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        return client;
    }

    static object Ev(string type, string callId, int second, string? queue = null, string? ani = null, DateTimeOffset? at = null) => new
    {
        eventId = Guid.NewGuid(), type, callId, occurredAt = at ?? T0.AddSeconds(second), ani, queue,
    };

    async Task<int> StreamLength(string stream)
    {
        var n = 0;
        await foreach (var _ in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync(stream)) n++;
        return n;
    }

    static async Task<JsonElement> Errors(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    [Fact]
    public async Task A_CTI_event_with_a_10000_character_queue_is_refused_with_400_naming_the_field_and_stores_nothing()
    {
        var response = await Pbx().PostAsJsonAsync("/api/cti/events", new[]
        {
            Ev("CallArrived", "c-long", 0, ani: "13800001111"),
            Ev("CallQueued", "c-long", 1, queue: new string('q', 10_000)),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await Errors(response)).EnumerateObject(), e => e.Name == "events[1].queue");
        Assert.Equal(0, await StreamLength("call-c-long"));

        // 65 characters: past the per-field limit (the guard's floor is 500 on this endpoint).
        var longer = await Pbx().PostAsJsonAsync("/api/cti/events", Ev("CallQueued", "c-long", 1, queue: new string('q', 65)));
        Assert.Equal(HttpStatusCode.BadRequest, longer.StatusCode);
        Assert.Contains((await Errors(longer)).EnumerateObject(), e => e.Name == "events[0].queue");
    }

    [Fact]
    public async Task Control_characters_times_out_of_range_oversized_batches_and_wrong_content_types_are_refused()
    {
        var nul = await Pbx().PostAsJsonAsync("/api/cti/events", Ev("CallArrived", "c-nul", 0, ani: "138\u00000001111"));
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains((await Errors(nul)).EnumerateObject(), e => e.Name == "events.ani" || e.Name == "ani");

        foreach (var at in new[] { new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow.AddDays(2) })
        {
            var r = await Pbx().PostAsJsonAsync("/api/cti/events", Ev("CallArrived", "c-time", 0, ani: "1", at: at));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains((await Errors(r)).EnumerateObject(), e => e.Name is "events[0].occurredAt" or "occurredAt");
        }
        Assert.Equal(0, await StreamLength("call-c-nul") + await StreamLength("call-c-time"));

        // 40,000 nulls: refused while streaming past, with a small error.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var nulls = await Pbx().PostAsync("/api/cti/events", new StringContent("[" + string.Join(",", Enumerable.Repeat("null", 40_000)) + "]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nulls.StatusCode);
        Assert.True((await nulls.Content.ReadAsStringAsync()).Length < 1000);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");

        var text = await Pbx().PostAsync("/api/cti/events", new StringContent("{}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var admin = await app.SignInAsync("admin");
        var wrongType = await admin.PostAsync("/api/announcements", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        // A query binding error names the parameter, not "body".
        var take = await admin.GetAsync("/api/login-log?take=many");
        Assert.Equal(HttpStatusCode.BadRequest, take.StatusCode);
        Assert.Contains((await Errors(take)).EnumerateObject(), e => e.Name == "take");

        // Dates far outside the center's years: 400, never 500.
        foreach (var url in new[] { "/api/reports/call-volume?from=0001-01-01&to=9999-12-31", "/api/audit/agents/agent5/days/9999-12-31", "/api/work-orders?from=0001-01-01" })
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_browser_policy_and_unknown_methods_are_not_the_SPA()
    {
        var client = app.Anonymous();
        foreach (var url in new[] { "/health", "/api/me", "/swagger/v1/swagger.json", "/no-such-page" })
        {
            var r = await client.GetAsync(url);
            var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("media-src 'self' blob:", csp); // the recordings player plays a fetched recording from a blob
            Assert.DoesNotContain("unsafe-inline'; img", csp.Split("style-src")[0]); // no inline script
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", r.Headers.GetValues("Referrer-Policy").Single());
        }
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PatchAsync("/health", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task A_projection_that_throws_on_an_event_is_faulted_within_seconds_admins_are_told_and_a_skip_moves_it_on_while_others_kept_going()
    {
        var admin = await app.SignInAsync("admin");
        var (hub, faulted) = await ConnectAsync("admin");

        var poison = await Pbx().PostAsJsonAsync("/api/cti/events", new[]
        {
            Ev("CallArrived", "c-poison", 0, ani: "13800009999"),
            Ev("CallQueued", "c-poison", 1, queue: ThrowingProjection.PoisonQueue),
        });
        Assert.Equal(HttpStatusCode.Accepted, poison.StatusCode);
        var after = await Pbx().PostAsJsonAsync("/api/cti/events", Ev("CallArrived", "c-after", 5, ani: "13800008888"));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var row = await Eventually.GetAsync(() => Projection(admin, ThrowingProjection.ProjectionName), r => r.GetProperty("state").GetString() == "faulted",
            TimeSpan.FromSeconds(30), "the throwing projection to be faulted");
        var fault = row.GetProperty("fault");
        Assert.Equal("CallQueued.v1", fault.GetProperty("eventType").GetString());
        Assert.Equal("call-c-poison", fault.GetProperty("streamId").GetString());
        Assert.Contains("injected", fault.GetProperty("error").GetString());
        var position = fault.GetProperty("position").GetUInt64();
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"faulted after {started.Elapsed}");

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            Assert.Equal(ThrowingProjection.ProjectionName, (await faulted.Reader.ReadAsync(timeout.Token)).GetProperty("name").GetString());

        var health = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains(ThrowingProjection.ProjectionName, await health.Content.ReadAsStringAsync());

        // The others went on past the poison event (live-calls sees the later call).
        var afterPosition = await LastPositionAsync("call-c-after");
        await Eventually.GetAsync(() => Projection(admin, "live-calls"), r => r.GetProperty("position").GetUInt64() >= afterPosition,
            TimeSpan.FromSeconds(30), "live-calls past the poison event");

        // Only admins decide; a skip needs a reason and the position it is faulted at.
        var analyst = await app.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/projections/{ThrowingProjection.ProjectionName}/skip", new { position, reason = "bad data" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/projections/{ThrowingProjection.ProjectionName}/skip", new { position, reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync($"/api/projections/{ThrowingProjection.ProjectionName}/skip", new { position = position + 1, reason = "bad data" })).StatusCode);

        var skip = await admin.PostAsJsonAsync($"/api/projections/{ThrowingProjection.ProjectionName}/skip", new { position, reason = "the PBX sent a test queue" });
        Assert.Equal(HttpStatusCode.Accepted, skip.StatusCode);
        await Eventually.GetAsync(() => Projection(admin, ThrowingProjection.ProjectionName),
            r => r.GetProperty("state").GetString() == "live" && r.GetProperty("position").GetUInt64() >= afterPosition, TimeSpan.FromSeconds(30), "past the skipped event");

        var recorded = new List<RecordedEvent>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync("projection-" + ThrowingProjection.ProjectionName)) recorded.Add(e);
        var skipped = JsonDocument.Parse(Assert.Single(recorded).Data).RootElement;
        Assert.Equal("ProjectionEventSkipped.v1", recorded[0].Type);
        Assert.Equal("the PBX sent a test queue", skipped.GetProperty("reason").GetString());
        Assert.Equal("admin", skipped.GetProperty("by").GetString());
        Assert.Equal(position, skipped.GetProperty("position").GetUInt64());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task A_fault_survives_a_restart_with_its_event_error_and_since_and_the_skip_is_an_event_that_holds_after_another()
    {
        var database = await TestDatabase.CreateAsync("faults");
        ulong position;
        JsonElement before;
        using (var first = await AppHost.StartAsync(database, services: s => s.AddSingleton<IProjection, ThrowingProjection>()))
        {
            var pbx = first.Anonymous();
            pbx.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
            Assert.Equal(HttpStatusCode.Accepted, (await pbx.PostAsJsonAsync("/api/cti/events", new[]
            {
                Ev("CallArrived", "c-kept", 0, ani: "13800007777"), Ev("CallQueued", "c-kept", 1, queue: ThrowingProjection.PoisonQueue),
            })).StatusCode);
            var admin = await first.SignInAsync("admin");
            before = (await Eventually.GetAsync(() => Projection(admin, ThrowingProjection.ProjectionName), r => r.GetProperty("state").GetString() == "faulted",
                TimeSpan.FromSeconds(30), "faulted before the restart")).GetProperty("fault");
            position = before.GetProperty("position").GetUInt64();
        }

        using (var second = await AppHost.StartAsync(database, services: s => s.AddSingleton<IProjection, ThrowingProjection>()))
        {
            var admin = await second.SignInAsync("admin");
            var after = (await Eventually.GetAsync(() => Projection(admin, ThrowingProjection.ProjectionName), r => r.GetProperty("state").GetString() == "faulted",
                TimeSpan.FromSeconds(30), "faulted after the restart")).GetProperty("fault");
            foreach (var field in new[] { "position", "eventId", "eventType", "streamId", "error", "attempts" })
                Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
            var since = before.GetProperty("faultedAt").GetDateTimeOffset();
            Assert.True((after.GetProperty("faultedAt").GetDateTimeOffset() - since).Duration() < TimeSpan.FromMilliseconds(1), "the same since");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await second.Anonymous().GetAsync("/health")).StatusCode);

            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/api/projections/{ThrowingProjection.ProjectionName}/skip",
                new { position, reason = "a test queue from the PBX" })).StatusCode);
            await Eventually.GetAsync(() => Projection(admin, ThrowingProjection.ProjectionName),
                r => r.GetProperty("state").GetString() == "live" && r.GetProperty("position").GetUInt64() >= position, TimeSpan.FromSeconds(30), "past the skipped event");
        }

        using (var third = await AppHost.StartAsync(database, services: s => s.AddSingleton<IProjection, ThrowingProjection>()))
        {
            var admin = await third.SignInAsync("admin");
            var recorded = new List<RecordedEvent>();
            await foreach (var e in third.Services.GetRequiredService<IEventStore>().ReadStreamAsync("projection-" + ThrowingProjection.ProjectionName)) recorded.Add(e);
            Assert.Equal("ProjectionEventSkipped.v1", Assert.Single(recorded).Type); // the skip is an event
            await Eventually.GetAsync(() => Projection(admin, ThrowingProjection.ProjectionName),
                r => r.GetProperty("state").GetString() == "live" && r.GetProperty("position").GetUInt64() >= position, TimeSpan.FromSeconds(30), "live after the restart");
            Assert.Empty(await ReadModelRows.RowsAsync(database, "projection_faults")); // the kept fault is gone with the skip
            Assert.Equal(HttpStatusCode.OK, (await third.Anonymous().GetAsync("/health")).StatusCode);
        }
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_at_rest_and_cookies_are_Secure_over_HTTPS()
    {
        var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var login = await https.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = AppHost.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.All(cookies.Where(c => c.StartsWith("cc_session=") || c.StartsWith("XSRF-TOKEN=")), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var plain = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = "admin", password = AppHost.Password });
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        await using var db = new Npgsql.NpgsqlConnection(app.Database);
        await db.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select xml from data_protection_keys", db);
        var keys = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync()) while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => { Assert.Contains("EncryptedData", k); Assert.DoesNotContain("<masterKey", k.Split("EncryptedData")[0]); });
    }

    [Fact]
    public async Task Agent5_signing_in_to_a_skill_group_not_assigned_to_them_or_on_another_extension_gets_403()
    {
        var agent = await app.SignInAsync("agent5"); // assigned broadband and general, extension 8005
        var foreign = await agent.PostAsJsonAsync("/api/agents/agent5/sign-in", new { skillGroups = new[] { "billing" } });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/agents/agent5/sign-in", new { extension = "8006" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await agent.PostAsJsonAsync("/api/agents/agent5/sign-in", new { skillGroups = Enumerable.Range(0, 100_000).Select(i => $"g{i}").ToArray() })).StatusCode);
        Assert.Equal(0, await StreamLength("agent-agent5"));

        var own = await agent.PostAsJsonAsync("/api/agents/agent5/sign-in", new { extension = "8005", skillGroups = new[] { "general" } });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var supervisor = await app.SignInAsync("supervisor1");
        await supervisor.PostAsync("/api/agents/agent5/sign-out", null);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync("/api/agents/agent5/sign-in", new { extension = "8099" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/agents/agent6/sign-in", new { skillGroups = new[] { "billing" } })).StatusCode);
    }

    async Task<ulong> LastPositionAsync(string stream)
    {
        ulong position = 0;
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadStreamAsync(stream)) position = e.Position;
        return position;
    }

    static async Task<JsonElement> Projection(HttpClient admin, string name) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/projections")).EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    async Task<(HubConnection, Channel<JsonElement>)> ConnectAsync(string user)
    {
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = user, password = AppHost.Password });
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var received = Channel.CreateUnbounded<JsonElement>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            })
            .Build();
        hub.On<JsonElement>("projectionFaulted", p => received.Writer.TryWrite(p));
        await hub.StartAsync();
        return (hub, received);
    }

    /// <summary>A read model with a bug: it throws on one queue's events (as the KPI tables did on a 1 MB queue name).</summary>
    sealed class ThrowingProjection : IProjection
    {
        public const string ProjectionName = "test-throwing";
        public const string PoisonQueue = "poison";
        public string Name => ProjectionName;
        public EventFilter Filter => EventFilter.Streams("call-");
        public Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct) => Task.FromResult(false);

        public Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
        {
            foreach (var e in batch)
                if (e.Type == "CallQueued.v1" && JsonDocument.Parse(e.Data).RootElement.GetProperty("queue").GetString() == PoisonQueue)
                    throw new InvalidOperationException("injected: this projection cannot take the poison queue");
            return Task.FromResult<object?>(null);
        }

        public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
    }
}
