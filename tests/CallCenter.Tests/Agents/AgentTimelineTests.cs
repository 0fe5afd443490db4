using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Calls;
using CallCenter.Infrastructure.Projections;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Projections;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CallCenter.Tests.Agents;

/// <summary>
/// Issue 12 (decision 0012): a PBX's days sent through <c>POST /api/cti/events</c> in event-time order, the same batches shuffled,
/// and every event in a request of its own, shuffled and concurrent with the calls-to-agents reactor not running at all (held
/// back for good): every agent-day's audit replay equals an independent recount of what the agents did, tiles (signed-in =
/// the sum of the states, at most 24 h), and every agent ends signed out — half the agents with PBX agent events, half with
/// calls only.
/// </summary>
public class AgentTimelineTests(ITestOutputHelper output)
{
    static readonly DateOnly FirstDay = new(2026, 10, 5);
    const int BatchSize = 500;
    // The suite runs 2 days of 4 agents on 3-hour shifts; `npm run bench:month` sets the month's size (docs/benchmarks.md).
    static int Days => Env("CALLCENTER_MONTH_DAYS", 2);
    static int Agents => Env("CALLCENTER_MONTH_AGENTS", 4);
    static int ShiftHours => Env("CALLCENTER_MONTH_SHIFT_HOURS", 3);
    static int Env(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    [Fact]
    public async Task Any_arrival_order_gives_every_agent_day_the_recounted_timeline()
    {
        var month = new PbxMonth(FirstDay, Days, Agents, seed: 12, shiftHours: ShiftHours);
        var expected = month.Recount();
        output.WriteLine($"{month.Events.Count} events, {month.Events.Select(e => e.GetValueOrDefault("callId")).OfType<string>().Distinct().Count()} calls, {expected.Count} agent-days; " +
                         $"load average {File.ReadAllText("/proc/loadavg").Trim()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var batches = month.Batches(BatchSize);

        var inOrder = await RunAsync("in order", month, expected, async app =>
        {
            foreach (var batch in batches) await PostAsync(app, batch);
        });
        var shuffled = await RunAsync("batches shuffled", month, expected, async app =>
        {
            foreach (var batch in batches.OrderBy(_ => Random.Shared.Next())) await PostAsync(app, batch);
        });
        // The month's benchmark (npm run bench:month) skips the one-event-per-request run: a month is ~250,000 requests.
        if (Environment.GetEnvironmentVariable("CALLCENTER_MONTH_ONE_PER_REQUEST") == "0")
        {
            Assert.Equal(inOrder.Agents, shuffled.Agents);
            AssertCallSideEqual(inOrder, ("batches shuffled", shuffled));
            return;
        }
        var single = await RunAsync("one event per request, shuffled, 8 at a time, no calls-to-agents reactor", month, expected, async app =>
        {
            var queue = new Queue<Dictionary<string, object?>>(month.Events.OrderBy(_ => Random.Shared.Next()));
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                while (true)
                {
                    Dictionary<string, object?> e;
                    lock (queue) { if (!queue.TryDequeue(out e!)) return; }
                    await PostAsync(app, [e]);
                }
            }));
        }, withoutReactor: true, thenRelease: true);

        Assert.Equal(inOrder.Agents, shuffled.Agents);
        Assert.Equal(inOrder.Agents, single.Agents);
        // The call side (issue 12 point 6): interval KPIs, per-call KPI facts, call reports and one-time-fix outcomes are the
        // same rows whatever the arrival order; nothing is left live in any run (checked in RunAsync).
        AssertCallSideEqual(inOrder, ("batches shuffled", shuffled), ("one per request", single));
    }

    void AssertCallSideEqual(Outcome inOrder, params (string Name, Outcome Run)[] others)
    {
        foreach (var (name, run) in others)
            foreach (var table in CallSideTables.Append("screen_pops"))
            {
                var expectedRows = inOrder.Calls.Where(r => r.StartsWith(table + " ")).ToList();
                var actualRows = run.Calls.Where(r => r.StartsWith(table + " ")).ToList();
                foreach (var d in expectedRows.Except(actualRows).Take(3)) output.WriteLine($"{name}: missing {d}");
                foreach (var d in actualRows.Except(expectedRows).Take(3)) output.WriteLine($"{name}: extra   {d}");
                Assert.True(expectedRows.SequenceEqual(actualRows), $"{name}: {table} differs from the in-order run ({actualRows.Count} vs {expectedRows.Count} rows)");
            }
        Assert.Contains(inOrder.Calls, r => r.StartsWith("kpi_intervals "));
    }

    static readonly string[] CallSideTables = ["kpi_intervals", "kpi_calls", "call_report_facts", "one_time_fix_outcomes"];
    static readonly string[] CallSideProjections = ["interval-kpis", "call-reports", "screen-pops"];

    sealed record Outcome(List<string> Agents, List<string> Calls, string Database);

    /// <summary>Sends the month into a fresh app, checks every agent-day against the recount, and returns the agents' final rows.</summary>
    async Task<Outcome> RunAsync(string how, PbxMonth month, Dictionary<(string Agent, DateOnly Day), Dictionary<string, long>> expected,
        Func<AppHost, Task> send, bool withoutReactor = false, bool thenRelease = false)
    {
        var outcome = await CheckAsync(how, month, expected, send, withoutReactor, database: null);
        if (!thenRelease) return outcome;
        // The calls-to-agents reactor held back through the whole ingestion, then released (a restart with it registered): it
        // catches up from position 0, and every agent-day, agent row and call-side row is still the same.
        var released = await CheckAsync(how + ", reactor released", month, expected, _ => Task.CompletedTask, withoutReactor: false, outcome.Database);
        Assert.Equal(outcome.Agents, released.Agents);
        Assert.Equal(outcome.Calls, released.Calls);
        return released;
    }

    async Task<Outcome> CheckAsync(string how, PbxMonth month, Dictionary<(string Agent, DateOnly Day), Dictionary<string, long>> expected,
        Func<AppHost, Task> send, bool withoutReactor, string? database)
    {
        using var app = await AppHost.StartAsync(database, services: withoutReactor ? WithoutCallsToAgents : null);
        var started = DateTime.UtcNow;
        await send(app);
        output.WriteLine($"{how}: sent in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        // Progress, not wall time: every projection this test reads has applied every stored event (a month takes a while).
        await StoreHorizon.WaitPastLastEventAsync(app.Database);
        var registered = app.Services.GetServices<IProjection>().Select(p => p.Name).ToHashSet();
        foreach (var projection in new[] { "calls-to-agents", "agent-states", "audit-agent-days", "live-calls" }.Concat(CallSideProjections).Where(registered.Contains))
            await ProjectionRebuildKit.CaughtUpAsync(app, projection, TimeSpan.FromSeconds(900));
        var auditor = await app.SignInAsync("auditor");
        foreach (var ((agent, day), totals) in expected.OrderBy(k => k.Key.Day).ThenBy(k => k.Key.Agent))
        {
            var replay = await Eventually.GetAsync(() => AuditAsync(auditor, agent, day), r => Same(r.Totals, totals),
                TimeSpan.FromSeconds(60), $"{how}: audit of {agent} on {day} (recount: {new Replay(totals, totals.Values.Sum())})");
            Assert.Equal(totals.Values.Sum(), replay.SignedInMs); // signed-in = ready + not ready (per reason) + talking + after-call work
            Assert.True(replay.SignedInMs <= 86_400_000);
        }
        var everyone = month.AcdAgents.Concat(month.CallOnlyAgents).ToList();
        var rows = await Eventually.GetAsync(() => AgentRowsAsync(app, everyone), r => r.Count == everyone.Count && r.All(x => x.Contains("signedOut")),
            TimeSpan.FromSeconds(60), $"{how}: every agent signed out at the end");
        // The agent-state report's rows (interval-kpis) equal the recount too, per agent and center day.
        var expectedRows = string.Join("\n", expected
            .SelectMany(k => k.Value.Select(v => $"{k.Key.Agent} {k.Key.Day:yyyy-MM-dd} {v.Key} {v.Value}")).Order(StringComparer.Ordinal));
        await Eventually.GetAsync(() => StateReportAsync(app), r => r == expectedRows, TimeSpan.FromSeconds(60), $"{how}: kpi_agent_states = recount");
        await Eventually.GetAsync(() => ReadModelRows.RowsAsync(app.Database, "live_calls"), r => r.Count == 0, TimeSpan.FromSeconds(60), $"{how}: no call left live");
        var calls = await ReadModelRows.RowsAsync(app.Database, CallSideTables);
        // Screen pops without their store position (which differs with the arrival order by definition).
        calls.AddRange((await ReadModelRows.RowsAsync(app.Database, "(select call_id, about_call_id, agent_id, offered_to, offered_at, pop from screen_pops)"))
            .Select(r => "screen_pops " + r[(r.IndexOf(')') + 2)..]));
        output.WriteLine($"{how}: {calls.Count} call-side rows");
        return new Outcome(rows, calls, app.Database);
    }

    static void WithoutCallsToAgents(IServiceCollection s)
    {
        var reactor = s.Single(d => d.ServiceType == typeof(IProjection) && d.ImplementationType == typeof(CallsToAgents));
        s.Remove(reactor);
    }

    static bool Same(Dictionary<string, long> a, Dictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    static async Task PostAsync(AppHost app, IReadOnlyList<Dictionary<string, object?>> events)
    {
        using var pbx = app.Anonymous();
        pbx.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        var response = await pbx.PostAsJsonAsync("/api/cti/events", events);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    sealed record Replay(Dictionary<string, long> Totals, long SignedInMs)
    {
        public override string ToString() => $"{SignedInMs} ms: {string.Join(", ", Totals.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"))}";
    }

    static async Task<Replay> AuditAsync(HttpClient auditor, string agent, DateOnly day)
    {
        var json = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit/agents/{agent}/days/{day:yyyy-MM-dd}");
        var totals = new Dictionary<string, long>();
        foreach (var p in json.GetProperty("timeline").EnumerateArray())
        {
            var key = $"{p.GetProperty("state").GetString()}|{(p.GetProperty("reasonCode").ValueKind == JsonValueKind.String ? p.GetProperty("reasonCode").GetString() : "")}";
            totals[key] = totals.GetValueOrDefault(key) + p.GetProperty("durationMs").GetInt64();
        }
        foreach (var zero in totals.Where(t => t.Value == 0).Select(t => t.Key).ToList()) totals.Remove(zero);
        return new Replay(totals, json.GetProperty("signedInMs").GetInt64());
    }

    static async Task<string> StateReportAsync(AppHost app)
    {
        await using var conn = new Npgsql.NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("""
            select agent_id, to_char(bucket_start at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD'), state || '|' || reason, sum(ms)::bigint
            from kpi_agent_states where skill_group = '' group by 1, 2, 3 having sum(ms) <> 0
            """, conn);
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add($"{r.GetString(0)} {r.GetString(1)} {r.GetString(2)} {r.GetInt64(3)}");
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }

    static async Task<List<string>> AgentRowsAsync(AppHost app, List<string> agents)
    {
        await using var conn = new Npgsql.NpgsqlConnection(app.Database);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "select agent_id || ' ' || state || ' ' || coalesce(reason_code, '-') || ' ' || coalesce(since::text, '-') || ' ' || coalesce(current_call_id, '-') " +
            "from agent_states where agent_id = any($1) order by agent_id", conn) { Parameters = { new() { Value = agents.ToArray() } } };
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }
}
