using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.AuditBench;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Simulation.History;
using Npgsql;

// bench:audit — the audit replay of one agent's busy day (R-USE-3) against a running app (started by scripts/bench-audit.mjs).
// 1. History for every agent: N/2 days before the audited day and N/2 after (POST /api/simulator/history, virtual clock).
// 2. The audited day: agent1 takes C calls (BusyDay plan, DaySimulation), stored as the history generator stores days.
// 3. GET /api/audit/agents/agent1/days/{day} as the auditor, R times after a warm-up: p50/p95/max over real HTTP.
var o = Args.Parse(args);
using var http = new HttpClient { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromMinutes(10) };
var day = new DateOnly(2026, 6, 15);

var admin = await SignInAsync("admin");
var sw = Stopwatch.StartNew();
await HistoryAsync(day.AddDays(-1), o.HistoryDays / 2);
await BusyDayAsync();
await HistoryAsync(day.AddDays(o.HistoryDays - o.HistoryDays / 2), o.HistoryDays - o.HistoryDays / 2);
await WaitForProjectionsAsync();
var stored = await ScalarAsync("select count(*) from eventstore.events");
var agentEvents = await ScalarAsync("select count(*) from eventstore.events where stream_id = 'agent-agent1'");
Console.WriteLine(Inv($"RESULT store events={stored} agent1_stream_events={agentEvents} setup_seconds={sw.Elapsed.TotalSeconds:F0}"));

var auditor = await SignInAsync("auditor");
var url = $"/api/audit/agents/agent1/days/{day:yyyy-MM-dd}";
JsonElement report = default;
long bytes = 0;
for (var i = 0; i < 3; i++) (report, bytes) = await GetAsync(auditor, url);
var times = new List<double>();
for (var i = 0; i < o.Runs; i++)
{
    var started = Stopwatch.GetTimestamp();
    await GetAsync(auditor, url);
    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
times.Sort();
double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
var read = report.GetProperty("read");
Console.WriteLine(Inv($"RESULT audit calls={report.GetProperty("calls").GetArrayLength()} day_events={read.GetProperty("dayEvents").GetInt32()} call_events={read.GetProperty("callEvents").GetInt32()} response_kb={bytes / 1024} runs={o.Runs} p50_ms={P(0.5):F1} p95_ms={P(0.95):F1} max_ms={times[^1]:F1}"));
return report.GetProperty("calls").GetArrayLength() == o.Calls ? 0 : 1;

async Task<(JsonElement, long)> GetAsync(HttpClient client, string path)
{
    var r = await client.GetAsync(path);
    r.EnsureSuccessStatusCode();
    var body = await r.Content.ReadAsByteArrayAsync();
    return (JsonDocument.Parse(body).RootElement, body.LongLength);
}

async Task HistoryAsync(DateOnly end, int days)
{
    if (days <= 0) return;
    var start = await admin.PostAsJsonAsync("/api/simulator/history", new { days, seed = 5, callsPerDay = o.HistoryCalls, endDate = end });
    if (start.StatusCode != HttpStatusCode.Accepted) throw new Exception($"history: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync()}");
    JsonElement p;
    do { await Task.Delay(1000); p = await admin.GetFromJsonAsync<JsonElement>("/api/simulator/history"); }
    while (p.GetProperty("running").GetBoolean());
    if (p.GetProperty("error").ValueKind == JsonValueKind.String) throw new Exception("history: " + p.GetProperty("error").GetString());
}

/// <summary>As HistoryGenerator.WriteAsync: agent events and tags appended as the simulator, the PBX facts through POST /api/cti/events.</summary>
async Task BusyDayAsync()
{
    var ns = DeterministicGuid.Create(Guid.Empty, "bench-audit");
    var sim = new DaySimulation([new SimAgent("agent1", ["broadband", "general"])], ns).Run(day, BusyDay.Plan(day, o.Calls, 3));
    await using var source = NpgsqlDataSource.Create(o.Db);
    var store = new CallCenter.EventStore.PostgresEventStore(source);
    var by = new EventMetadata("agent1", EventMetadata.Sources.Simulator, ns);
    var agentEvents = sim.AgentEvents["agent1"].Select((e, i) => new CallCenter.EventStore.EventData(sim.AgentEventIds["agent1"][i],
        CallCenter.Agents.AgentStream.WireName(e), JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json.Options), by.ToJson())).ToList();
    await store.AppendEachOnceAsync("agent-agent1", agentEvents, default);
    var pbx = new HttpClient { BaseAddress = new Uri(o.Url) };
    pbx.DefaultRequestHeaders.Add("X-Api-Key", o.Key);
    foreach (var chunk in sim.CtiFacts.Chunk(2000))
        (await pbx.PostAsJsonAsync("/api/cti/events", chunk, Json.Options)).EnsureSuccessStatusCode();
    foreach (var tag in sim.Tags)
        await store.AppendEachOnceAsync("call-" + tag.CallId, [new(DeterministicGuid.Create(ns, $"{tag.CallId}/CallTagged"),
            CallCenter.Calls.CallStream.WireName(tag), JsonSerializer.SerializeToUtf8Bytes(tag, Json.Options), by.ToJson())], default);
}

async Task<HttpClient> SignInAsync(string user)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromMinutes(5) };
    var r = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = o.Password });
    r.EnsureSuccessStatusCode();
    var xsrf = r.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith("XSRF-TOKEN="))["XSRF-TOKEN=".Length..];
    client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf));
    return client;
}

async Task<long> ScalarAsync(string sql)
{
    await using var db = new NpgsqlConnection(o.Db);
    await db.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, db);
    return Convert.ToInt64(await cmd.ExecuteScalarAsync());
}

/// <summary>Until the reactor and the day index have passed the last event they subscribe to.</summary>
async Task WaitForProjectionsAsync()
{
    await using var db = new NpgsqlConnection(o.Db);
    await db.OpenAsync();
    foreach (var (name, prefix) in new[] { ("calls-to-agents", "call-"), ("audit-agent-days", "agent-") })
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

sealed record Args(string Url, string Db, string Key, string Password, int HistoryDays, int HistoryCalls, int Calls, int Runs)
{
    public static Args Parse(string[] a)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(a, "--" + name);
            return i >= 0 && i + 1 < a.Length ? a[i + 1] : fallback;
        }
        return new(Get("url", "http://127.0.0.1:5000"), Get("db", ""), Get("key", "dev-cti-key"), Get("password", "demo123"),
            int.Parse(Get("history-days", "30")), int.Parse(Get("history-calls", "1000")), int.Parse(Get("calls", "300")), int.Parse(Get("runs", "50")));
    }
}
