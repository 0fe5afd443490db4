using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Reports.Intervals;

/// <summary>
/// Issue 12: KPI settings are history. A queue's service-level threshold and the short-abandon threshold change between two
/// hours of calls; each hour keeps the thresholds in effect when its calls queued, live and after a rebuild from position 0.
/// </summary>
public class KpiSettingsHistoryTests
{
    /// <summary>Four calls queued at the hour: answered after 25 s and 15 s, abandoned after 7 s and 40 s.</summary>
    static object[] Calls(string prefix, DateTimeOffset at) =>
    [
        .. Call($"{prefix}-a", at, ("CallAnswered", 25)), .. Call($"{prefix}-b", at.AddMinutes(1), ("CallAnswered", 15)),
        .. Call($"{prefix}-c", at.AddMinutes(2), ("CallAbandoned", 7)), .. Call($"{prefix}-d", at.AddMinutes(3), ("CallAbandoned", 40)),
    ];

    static object[] Call(string id, DateTimeOffset at, (string Type, int After) outcome) =>
    [
        new { eventId = Guid.NewGuid(), type = "CallArrived", callId = id, occurredAt = at, ani = "13800001234", dnis = "96123" },
        new { eventId = Guid.NewGuid(), type = "CallQueued", callId = id, occurredAt = at, queue = "broadband" },
        new { eventId = Guid.NewGuid(), type = outcome.Type, callId = id, occurredAt = at.AddSeconds(outcome.After), queue = "broadband", agentId = "agent1" },
    ];

    /// <summary>The start of the quarter hour (reports select buckets by their start), as ISO 8601 UTC.</summary>
    static string Iso(DateTimeOffset at) => new DateTime(at.UtcTicks - at.UtcTicks % TimeSpan.FromMinutes(15).Ticks).ToString("yyyy-MM-ddTHH:mm:ssZ");

    /// <summary>The broadband row of the hour from each start (the calls before the change, and after it).</summary>
    static async Task<List<string>> ReportAsync(HttpClient analyst, params DateTimeOffset[] hours) =>
        [.. (await Task.WhenAll(hours.Select(h => analyst.GetFromJsonAsync<List<JsonElement>>(
                $"/api/reports/service-level?from={Iso(h)}&to={Iso(h.AddHours(1))}&groupBy=skillGroup&skillGroup=broadband"))))
            .SelectMany(rows => rows!).Select(r => $"{r.GetProperty("key")} offered={r.GetProperty("offered")} inSl={r.GetProperty("answeredInSl")} sl={r.GetProperty("serviceLevel")} abandonRate={r.GetProperty("abandonRate")}")];

    [Fact]
    public async Task After_a_threshold_change_a_rebuild_gives_the_same_numbers_for_the_buckets_before_the_change()
    {
        // Real time (the projections' subscription needs it): the calls before the change two hours ago, after it just after.
        var nine = DateTimeOffset.UtcNow.AddHours(-2);
        var app = await AppHost.StartAsync();
        try
        {
            var pbx = app.Anonymous();
            pbx.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
            Assert.Equal(HttpStatusCode.Accepted, (await pbx.PostAsJsonAsync("/api/cti/events", Calls("h9", nine))).StatusCode);
            var analyst = await app.SignInAsync("analyst");
            await IntervalKpiFixture.CaughtUpAsync(app);
            var before = await ReportAsync(analyst, nine);
            // T = 20 s, short abandon 5 s: 15 s in, 25 s out; of the abandons only 40 s is after T: SL = 1 / (2 + 1); none is short: 2 / 4.
            Assert.Equal(["broadband offered=4 inSl=1 sl=0.3333 abandonRate=0.5"], before);

            // The admin raises T to 30 s and the short-abandon threshold to 10 s, in effect from now.
            var admin = await app.SignInAsync("admin");
            var queue = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/queues"))!.Single(q => q.GetProperty("id").GetString() == "broadband");
            var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(queue.GetRawText())!;
            body["serviceLevelSeconds"] = 30;
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/queues/broadband", body)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings", new { shortAbandonSeconds = 10 })).StatusCode);

            var ten = DateTimeOffset.UtcNow.AddSeconds(1);
            Assert.Equal(HttpStatusCode.Accepted, (await pbx.PostAsJsonAsync("/api/cti/events", Calls("h10", ten))).StatusCode);
            await IntervalKpiFixture.CaughtUpAsync(app);
            var live = await ReportAsync(analyst, nine, ten);
            // 10:00: T = 30 s: both answered calls in; the 40 s abandon after T: SL = 2 / (2 + 1); the 7 s abandon is now short: 1 / 3.
            Assert.Equal(["broadband offered=4 inSl=1 sl=0.3333 abandonRate=0.5", "broadband offered=4 inSl=2 sl=0.6667 abandonRate=0.3333"], live);
            // The call tables (the agents' legs reach agent streams through a reactor, later: not what this test is about).
            string[] callTables = ["kpi_intervals", "kpi_calls", "kpi_call_work"];
            var rows = await ReadModelRows.RowsAsync(app.Database, callTables);

            var database = app.Database;
            app.Dispose();
            await ReadModelRows.DropAsync(database, "interval-kpis", IntervalKpiFixture.Tables);
            app = await AppHost.StartAsync(database);
            analyst = await app.SignInAsync("analyst");
            await IntervalKpiFixture.CaughtUpAsync(app);
            Assert.Equal(live, await ReportAsync(analyst, nine, ten));
            Assert.Equal(rows, await ReadModelRows.RowsAsync(app.Database, callTables));
        }
        finally { app.Dispose(); }
    }
}
