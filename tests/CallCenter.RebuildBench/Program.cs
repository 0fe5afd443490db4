using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.RebuildBench;
using Npgsql;

// bench:rebuild (driven by scripts/bench-rebuild.mjs):
//   seed    --db <conn> --events 5000000 --agents 200 --calls-per-day 30000   bulk-load a history (BulkLoader), then move every
//           projection's checkpoint to the head so the app starts without replaying it
//   measure --db <conn> --url <app> --projection interval-kpis --password <demo password>
//           1. raw read speed of $all (PostgresEventStore.ReadAllAsync, reading only): the baseline;
//           2. POST /api/projections/{name}/rebuild and poll GET /api/projections until the new version is live.
var o = Args.Parse(args);
if (o.Command == "seed")
{
    var watch = Stopwatch.StartNew();
    var written = await new BulkLoader(o.Db).LoadAsync(o.Events, o.Agents, o.CallsPerDay, seed: 17);
    await using var dataSource = NpgsqlDataSource.Create(o.Db);
    await BulkLoader.ExecAsync(dataSource, """
        insert into projection_checkpoints (name, position, updated_at)
        select n, (select max(position) from eventstore.events), (select max(created) from eventstore.events)
        from (select name from projection_versions union select name from projection_checkpoints union select 'calls-to-agents') p(n)
        on conflict (name) do update set position = excluded.position, updated_at = excluded.updated_at
        """);
    Console.WriteLine(Inv($"RESULT seed events={written} seconds={watch.Elapsed.TotalSeconds:F0} events_per_second={written / watch.Elapsed.TotalSeconds:F0}"));
    return;
}

await using (var dataSource = NpgsqlDataSource.Create(o.Db))
    Console.WriteLine(Inv($"history: {await BulkLoader.ScalarAsync(dataSource, "select count(*) from eventstore.events"):N0} events in $all"));

// 1. Reading only: the same page reader the subscriptions use, no filter, everything.
long all = 0;
var read = Stopwatch.StartNew();
await using (var source = PostgresEventStore.CreateDataSource(o.Db))
    await foreach (var _ in new PostgresEventStore(source).ReadAllAsync(null)) all++;
var readRate = all / read.Elapsed.TotalSeconds;
Console.WriteLine(Inv($"RESULT read_all events={all} seconds={read.Elapsed.TotalSeconds:F1} events_per_second={readRate:F0}"));

// 2. The rebuild, as an admin would start it.
var admin = await SignInAsync("admin");
var before = await ProjectionAsync();
var version = before.GetProperty("version").GetInt32();
var rebuild = Stopwatch.StartNew();
var started = await admin.PostAsync($"/api/projections/{o.Projection}/rebuild", null);
if ((int)started.StatusCode != 202) throw new Exception($"rebuild: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
JsonElement p, last = default;
long total = 0;
while (true)
{
    await Task.Delay(1000);
    p = await ProjectionAsync();
    if (p.GetProperty("version").GetInt32() > version) break;
    if (p.GetProperty("rebuild") is { ValueKind: JsonValueKind.Object } r)
    {
        last = r;
        if (r.GetProperty("total") is { ValueKind: JsonValueKind.Number } t) total = t.GetInt64();
        Console.WriteLine(Inv($"  {r.GetProperty("processed").GetInt64():N0} / {total:N0} events, {r.GetProperty("eventsPerSecond").GetDouble():N0} events/s, ETA {r.GetProperty("etaSeconds")} s"));
        if (r.GetProperty("phase").GetString() == "failed") throw new Exception("rebuild failed: " + r.GetProperty("error"));
    }
}
var seconds = rebuild.Elapsed.TotalSeconds;
var appRate = last.ValueKind == JsonValueKind.Object ? last.GetProperty("eventsPerSecond").GetDouble() : 0;
Console.WriteLine(Inv($"RESULT rebuild projection={o.Projection} version={p.GetProperty("version").GetInt32()} events={total} seconds={seconds:F1} events_per_second={total / seconds:F0} all_positions_per_second={all / seconds:F0} app_reported_events_per_second={appRate:F0} ratio_to_read_all={total / seconds / readRate:P0}"));

async Task<JsonElement> ProjectionAsync()
{
    var list = await admin.GetFromJsonAsync<JsonElement>("/api/projections");
    return list.EnumerateArray().Single(x => x.GetProperty("name").GetString() == o.Projection);
}

async Task<HttpClient> SignInAsync(string user)
{
    var cookies = new System.Net.CookieContainer();
    var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromMinutes(5) };
    var r = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = o.Password });
    r.EnsureSuccessStatusCode();
    var xsrf = cookies.GetCookies(new Uri(o.Url))["XSRF-TOKEN"]?.Value
        ?? r.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith("XSRF-TOKEN="))["XSRF-TOKEN=".Length..];
    client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf));
    return client;
}

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

sealed record Args(string Command, string Db, string Url, string Projection, string Password, long Events, int Agents, int CallsPerDay)
{
    public static Args Parse(string[] a)
    {
        string Get(string name, string fallback) => Array.IndexOf(a, "--" + name) is var i and >= 0 && i + 1 < a.Length ? a[i + 1] : fallback;
        return new Args(a.FirstOrDefault(x => !x.StartsWith("--")) ?? "measure", Get("db", ""), Get("url", ""), Get("projection", "interval-kpis"),
            Get("password", "demo123"), long.Parse(Get("events", "5000000")), int.Parse(Get("agents", "200")), int.Parse(Get("calls-per-day", "30000")));
    }
}
