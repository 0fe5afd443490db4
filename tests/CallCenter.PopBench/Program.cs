using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

// bench:pop — screen-pop latency and virtual-clock ingest rate against a running app (started by scripts/bench-pop.mjs).
// 1. History: POST /api/simulator/history (N days on the virtual clock through CTI ingestion); prints events/s.
// 2. Latency: A agents, each with a SignalR connection to /hubs/desktop; calls offered at R calls/s through
//    POST /api/cti/events; latency = from the CallOffered append being acknowledged (202) to the agent's
//    `screenPop` message for that call. Prints p50/p95/p99/max.
var o = Args.Parse(args);
var cts = new CancellationTokenSource();
using var http = new HttpClient { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromMinutes(5) };

await using (var db = new NpgsqlConnection(o.Db))
{
    await db.OpenAsync();
    await using var cmd = new NpgsqlCommand($"""
        insert into users (id, name, password_hash, roles, skill_groups, extension, team)
        select 'bench' || i, 'Bench ' || i, (select password_hash from users where id = 'agent1'), array['agent'], array['general'], (9000 + i)::text, 'bench'
        from generate_series(1, {o.Agents}) i on conflict (id) do nothing
        """, db);
    await cmd.ExecuteNonQueryAsync();
}

if (o.HistoryDays > 0)
{
    var admin = await SignInAsync("admin");
    var sw = Stopwatch.StartNew();
    var start = await admin.PostAsJsonAsync("/api/simulator/history", new { days = o.HistoryDays, seed = 11, callsPerDay = o.HistoryCalls });
    if (start.StatusCode != HttpStatusCode.Accepted) throw new Exception($"history: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync()}");
    JsonElement p;
    do { await Task.Delay(1000); p = await admin.GetFromJsonAsync<JsonElement>("/api/simulator/history"); }
    while (p.GetProperty("running").GetBoolean());
    if (p.GetProperty("error").ValueKind == JsonValueKind.String) throw new Exception("history: " + p.GetProperty("error").GetString());
    var events = p.GetProperty("events").GetInt64();
    Console.WriteLine(Inv($"RESULT ingest days={o.HistoryDays} calls_per_day={o.HistoryCalls} events={events} seconds={sw.Elapsed.TotalSeconds:F1} events_per_second={events / sw.Elapsed.TotalSeconds:F0}"));
    var caughtUp = Stopwatch.StartNew();
    await WaitForProjectionsAsync();
    Console.WriteLine(Inv($"RESULT projections_caught_up_after_seconds={caughtUp.Elapsed.TotalSeconds:F1}"));
}

var received = new ConcurrentDictionary<string, long>();
var connections = new List<HubConnection>();
foreach (var batch in Enumerable.Range(1, o.Agents).Chunk(20))
    connections.AddRange(await Task.WhenAll(batch.Select(async i =>
    {
        var cookies = new CookieContainer();
        await SignInAsync("bench" + i, cookies);
        var hub = new HubConnectionBuilder().WithUrl(o.Url + "/hubs/desktop", x => x.Cookies = cookies).Build();
        hub.On<JsonElement>("screenPop", pop => received.TryAdd(pop.GetProperty("callId").GetString()!, Stopwatch.GetTimestamp()));
        await hub.StartAsync();
        return hub;
    })));
Console.WriteLine($"connected {connections.Count} agents over SignalR; offering {o.Rate} calls/s for {o.Seconds} s");

var pbx = new HttpClient { BaseAddress = new Uri(o.Url) };
pbx.DefaultRequestHeaders.Add("X-Api-Key", o.Key);
var appended = new ConcurrentDictionary<string, long>();
var run = Guid.NewGuid().ToString("N")[..6];
var total = (int)(o.Rate * o.Seconds);
var clock = Stopwatch.StartNew();
var tasks = new List<Task>();
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds(i / o.Rate);
    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
    var n = i;
    tasks.Add(Task.Run(async () =>
    {
        var callId = $"B{run}-{n}";
        var agent = "bench" + (n % o.Agents + 1);
        var at = DateTimeOffset.UtcNow;
        object Ev(string type, double s, object? extra = null) => new Dictionary<string, object?>
        {
            ["eventId"] = Guid.NewGuid(), ["type"] = type, ["callId"] = callId, ["occurredAt"] = at.AddSeconds(s),
            ["ani"] = "139" + (10_000_000 + n * 7919 % 89_999_999).ToString(), ["dnis"] = "96100", ["ivrTrail"] = new[] { "1" },
            ["agentId"] = type is "CallArrived" or "CallQueued" ? null : agent, ["queue"] = "general",
        };
        var r = await pbx.PostAsJsonAsync("/api/cti/events", new[] { Ev("CallArrived", 0), Ev("CallQueued", 0.5), Ev("CallOffered", 1) });
        if (r.StatusCode == HttpStatusCode.Accepted) appended[callId] = Stopwatch.GetTimestamp();
        await Task.Delay(2000);
        await pbx.PostAsJsonAsync("/api/cti/events", new[] { Ev("CallAnswered", 3), Ev("CallEnded", 60) });
    }));
}
await Task.WhenAll(tasks);
await Task.Delay(3000);
var latencies = appended.Where(a => received.ContainsKey(a.Key))
    .Select(a => Stopwatch.GetElapsedTime(a.Value, received[a.Key]).TotalMilliseconds).Order().ToList();
double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
Console.WriteLine(Inv($"RESULT pop agents={o.Agents} calls={appended.Count} received={latencies.Count} rate={o.Rate} p50_ms={P(0.5):F1} p95_ms={P(0.95):F1} p99_ms={P(0.99):F1} max_ms={latencies.LastOrDefault():F1}"));
foreach (var c in connections) await c.DisposeAsync();
return latencies.Count == appended.Count ? 0 : 1;

async Task<HttpClient> SignInAsync(string user, CookieContainer? cookies = null)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = new Uri(o.Url) };
    var r = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = o.Password });
    r.EnsureSuccessStatusCode();
    var xsrf = (cookies ?? new CookieContainer()).GetCookies(new Uri(o.Url))["XSRF-TOKEN"]?.Value
        ?? r.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith("XSRF-TOKEN="))["XSRF-TOKEN=".Length..];
    client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf));
    return client;
}

/// <summary>Until every projection the pop path uses has passed the last event it subscribes to.</summary>
async Task WaitForProjectionsAsync()
{
    await using var db = new NpgsqlConnection(o.Db);
    await db.OpenAsync();
    (string Name, string Prefix)[] projections = [("screen-pops", "call-"), ("live-calls", "call-"), ("calls-to-agents", "call-"), ("agent-states", "agent-")];
    foreach (var (name, prefix) in projections)
        while (true)
        {
            await using var cmd = new NpgsqlCommand("""
                select coalesce((select position from projection_checkpoints where name = $1), -1)
                    >= (select coalesce(max(position), 0) from eventstore.events where stream_id like $2 || '%')
                """, db);
            cmd.Parameters.AddWithValue(name);
            cmd.Parameters.AddWithValue(prefix);
            if ((bool)(await cmd.ExecuteScalarAsync())!) break;
            await Task.Delay(500);
        }
}

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

sealed record Args(string Url, string Db, int Agents, double Rate, int Seconds, string Key, string Password, int HistoryDays, int HistoryCalls)
{
    public static Args Parse(string[] a)
    {
        string Get(string name, string? fallback = null)
        {
            var i = Array.IndexOf(a, "--" + name);
            return i >= 0 && i + 1 < a.Length ? a[i + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }
        return new(Get("url"), Get("db"), int.Parse(Get("agents", "200")), double.Parse(Get("rate", "9.2"), CultureInfo.InvariantCulture),
            int.Parse(Get("seconds", "60")), Get("key", "dev-cti-key"), Get("password", "demo123"), int.Parse(Get("history-days", "30")),
            int.Parse(Get("history-calls", "500")));
    }
}
