using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Http;

/// <summary>
/// Issue 17, decision 0023: every create takes an Idempotency-Key. Each create is sent twice with one key: the retry
/// answers as the first did (same status, same id, Idempotent-Replayed), one thing exists, and no event or row was added.
/// </summary>
public class IdempotentCreateTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<long> CountAsync(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Every committed event, counted in the table (a $all read may stop below other tests' open transactions, decision 0002).</summary>
    Task<long> EventsAsync() => CountAsync("select count(*) from eventstore.events");

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>POSTs twice with one key and returns both bodies; checks the count of things and of events.</summary>
    async Task<(JsonElement First, JsonElement Retried)> TwiceAsync(HttpClient client, string path, object body, string countSql,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync(countSql);
        var first = await PostAsync(client, path, body, key);
        Assert.True(expected == first.StatusCode, $"{path}: {first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, await CountAsync(countSql));
        var events = await EventsAsync();

        var retried = await PostAsync(client, path, body, key);
        Assert.Equal(expected, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(before + 1, await CountAsync(countSql)); // one thing
        Assert.Equal(events, await EventsAsync());            // no event stored by the retry
        return (await first.Content.ReadFromJsonAsync<JsonElement>(), await retried.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Every_create_retried_with_the_same_key_creates_one_thing_and_stores_no_extra_event()
    {
        var admin = await app.SignInAsync("admin");
        var supervisor = await app.SignInAsync("supervisor1");
        var agent = await app.SignInAsync("agent5");

        var customerId = (await new Calls.ScreenPops.ScreenPopKit(app).ColumnAsync("select id from customers order by id limit 1"))[0];
        var (wo1, wo2) = await TwiceAsync(agent, "/api/work-orders", new { customerId, type = "fault", description = "光猫掉线" },
            "select count(*) from eventstore.events where type like 'WorkOrderDispatched%'");
        Assert.Equal(wo1.GetProperty("id").GetString(), wo2.GetProperty("id").GetString());
        Assert.Equal(wo1.GetProperty("serial").GetString(), wo2.GetProperty("serial").GetString());

        var (a1, a2) = await TwiceAsync(supervisor, "/api/announcements", new { title = "Network maintenance tonight", body = "22:00–23:00", urgent = true },
            "select count(*) from announcements");
        Assert.Equal(a1.GetProperty("id").GetInt64(), a2.GetProperty("id").GetInt64());

        var (b1, b2) = await TwiceAsync(admin, "/api/blacklist", new { pattern = "13800990017", reason = "abuse" }, "select count(*) from blacklist_entries");
        Assert.Equal(b1.GetProperty("id").GetInt64(), b2.GetProperty("id").GetInt64());

        var (u1, u2) = await TwiceAsync(admin, "/api/users", Users.UsersApi.Naama(), "select count(*) from users");
        Assert.Equal(u1.GetProperty("id").GetString(), u2.GetProperty("id").GetString()); // a client-chosen id: 201 again, not 409

        await TwiceAsync(admin, "/api/teams", new { id = "team-idem", name = "Idempotent" }, "select count(*) from teams");

        var (c1, c2) = await TwiceAsync(supervisor, "/api/simulator/calls", new { ani = "13900001717", queue = "broadband", patienceSeconds = 600 },
            "select count(distinct stream_id) from eventstore.events where stream_id like 'call-%'", HttpStatusCode.OK);
        Assert.Equal(c1.GetProperty("callId").GetString(), c2.GetProperty("callId").GetString());

        var desk = new Telephony.Desk(app);
        await desk.ReadyAsync("agent7");
        var agent7 = await desk.As("agent7");
        var (d1, d2) = await TwiceAsync(agent7, "/api/calls/dial", new { number = "13900001718" },
            "select count(distinct stream_id) from eventstore.events where stream_id like 'call-%'", HttpStatusCode.OK);
        Assert.Equal(d1.GetProperty("callId").GetString(), d2.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task A_key_is_the_callers_own_and_bound_to_its_request()
    {
        var s1 = await app.SignInAsync("supervisor1");
        var s2 = await app.SignInAsync("supervisor2");
        var key = Guid.NewGuid().ToString();
        var body = new { title = "Shift change", body = "", urgent = false };
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(s1, "/api/announcements", body, key)).StatusCode);
        // Another user's same key is another request.
        var other = await PostAsync(s2, "/api/announcements", body, key);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await CountAsync("select count(*) from announcements where title = 'Shift change'"));
        // The same key with another body: 422, nothing stored.
        var events = await EventsAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(s1, "/api/announcements", body with { title = "Other" }, key)).StatusCode);
        Assert.Equal(0, await CountAsync("select count(*) from announcements where title = 'Other'"));
        // A refused request is not remembered: corrected, the same key creates it.
        var fresh = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(s1, "/api/announcements", new { title = "", body = "", urgent = false }, fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(s1, "/api/announcements", new { title = "Corrected", body = "", urgent = false }, fresh)).StatusCode);
        // A malformed key: 400 naming the header, nothing stored.
        var bad = await PostAsync(s1, "/api/announcements", new { title = "Bad key", body = "", urgent = false }, "short");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Idempotency-Key", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync("select count(*) from announcements where title = 'Bad key'"));
        Assert.Equal(events, await EventsAsync());
    }
}
