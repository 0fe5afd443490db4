using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Settings;

/// <summary>
/// Issue 12: the center's zone (IANA, daylight saving included) decides every report day; the server's zone never matters and
/// changing the zone changes no stored event. Calls every 37 minutes for a day either side of four daylight-saving changes
/// (New York and Jerusalem, spring and autumn 2026); the expected day of each is counted here with TimeZoneInfo, the
/// report's with PostgreSQL's tz database.
/// </summary>
public class CenterTimeZoneTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    /// <summary>The instants the clocks change: New York 2026-03-08 02:00 EST, 2026-11-01 02:00 EDT; Jerusalem 2026-03-27 02:00 IST, 2026-10-25 02:00 IDT.</summary>
    static readonly DateTimeOffset[] Changes =
    [
        new(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero),
        new(2026, 3, 27, 0, 0, 0, TimeSpan.Zero), new(2026, 10, 24, 23, 0, 0, TimeSpan.Zero),
    ];

    static readonly DateTimeOffset[] Arrivals = [.. Changes.SelectMany(c => Enumerable.Range(-40, 81).Select(k => c.AddMinutes(37 * k).AddSeconds(11)))];

    HttpClient Pbx()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "dev-cti-key");
        return client;
    }

    async Task PostCallsAsync()
    {
        var events = Arrivals.SelectMany((at, i) => new object[]
        {
            new { eventId = Guid.NewGuid(), type = "CallArrived", callId = $"tz-{i}", occurredAt = at, ani = "1380000" + i.ToString("D4"), dnis = "96123" },
            new { eventId = Guid.NewGuid(), type = "CallQueued", callId = $"tz-{i}", occurredAt = at, queue = "general" },
            new { eventId = Guid.NewGuid(), type = "CallAbandoned", callId = $"tz-{i}", occurredAt = at.AddSeconds(30), queue = "general" },
        }).ToList();
        foreach (var batch in events.Chunk(300))
            Assert.Equal(HttpStatusCode.Accepted, (await Pbx().PostAsJsonAsync("/api/cti/events", batch)).StatusCode);
    }

    static async Task<Dictionary<string, long>> DaysAsync(HttpClient analyst, string from, string to, string groupBy = "day") =>
        (await analyst.GetFromJsonAsync<List<JsonElement>>($"/api/reports/call-volume?from={from}&to={to}&groupBy={groupBy}"))!
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("arrived").GetInt64());

    static Dictionary<string, long> Expected(TimeZoneInfo zone, Func<DateTime, string> key) =>
        Arrivals.GroupBy(a => key(TimeZoneInfo.ConvertTime(a, zone).DateTime)).ToDictionary(g => g.Key, g => (long)g.Count());

    [Fact]
    public async Task A_day_report_counts_exactly_the_calls_that_arrived_on_that_local_date_across_daylight_saving_changes()
    {
        await PostCallsAsync();
        var admin = await app.SignInAsync("admin");
        var analyst = await app.SignInAsync("analyst");
        await Eventually.GetAsync(() => DaysAsync(analyst, "2026-03-01", "2026-11-30"), d => d.Values.Sum() == Arrivals.Length, TimeSpan.FromSeconds(120), "calls projected");
        var stored = await CountEventsAsync();

        foreach (var id in new[] { "America/New_York", "Asia/Jerusalem" })
        {
            var put = await admin.PutAsJsonAsync("/api/settings", new { timeZone = id });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(id, (await admin.GetFromJsonAsync<JsonElement>("/api/settings")).GetProperty("timeZone").GetString());
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);

            var days = await DaysAsync(analyst, "2026-03-01", "2026-11-30");
            Assert.Equal(Expected(zone, d => d.ToString("yyyy-MM-dd")).OrderBy(e => e.Key, StringComparer.Ordinal), days.OrderBy(e => e.Key, StringComparer.Ordinal));
            // The change days themselves (23 and 25 hours long): a range of that one local day has exactly its calls.
            foreach (var change in Changes)
            {
                var day = TimeZoneInfo.ConvertTime(change, zone).ToString("yyyy-MM-dd");
                var one = await DaysAsync(analyst, day, day);
                Assert.Equal([KeyValuePair.Create(day, Expected(zone, d => d.ToString("yyyy-MM-dd"))[day])], one.ToList());
            }
            Assert.Equal(Expected(zone, d => System.Globalization.ISOWeek.GetYear(d) + "-W" + System.Globalization.ISOWeek.GetWeekOfYear(d).ToString("D2"))
                .OrderBy(e => e.Key, StringComparer.Ordinal), (await DaysAsync(analyst, "2026-03-01", "2026-11-30", "week")).OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(Expected(zone, d => d.ToString("yyyy-MM-dd HH:00")).OrderBy(e => e.Key, StringComparer.Ordinal),
                (await DaysAsync(analyst, "2026-03-01", "2026-11-30", "hour")).OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(new Dictionary<string, long> { ["2026"] = Arrivals.Length }, await DaysAsync(analyst, "2026-03-01", "2026-11-30", "year"));
        }
        // Changing the zone changed no stored event: only the two settings events were added.
        Assert.Equal(stored + 2, await CountEventsAsync());
    }

    [Fact]
    public async Task Only_an_IANA_zone_is_accepted_by_an_admin_and_a_refused_one_changes_nothing()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal("Asia/Shanghai", (await admin.GetFromJsonAsync<JsonElement>("/api/settings")).GetProperty("timeZone").GetString());
        foreach (var bad in new[] { "Mars/Olympus", "UTC+3", "China Standard Time", "'; drop table x; --" })
        {
            var response = await admin.PutAsJsonAsync("/api/settings", new { timeZone = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("timeZone", out _), bad);
        }
        var agent = await app.SignInAsync("agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/settings", new { timeZone = "Asia/Jerusalem" })).StatusCode);
        var now = (await agent.GetFromJsonAsync<JsonElement>("/api/settings/public"));
        Assert.Equal(("Asia/Shanghai", "UTC+8"), (now.GetProperty("timeZone").GetString(), now.GetProperty("timeZoneOffset").GetString()));
        Assert.Equal(0, await CountEventsAsync());
    }

    async Task<int> CountEventsAsync(string? prefix = null)
    {
        await CallCenter.Tests.Infrastructure.StoreHorizon.WaitPastLastEventAsync(app.Database); // a $all read is complete only then
        var n = 0;
        await foreach (var _ in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams(prefix ?? "centersettings-"))) n++;
        if (prefix is null) await foreach (var _ in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("call-"))) n++;
        return n;
    }
}
