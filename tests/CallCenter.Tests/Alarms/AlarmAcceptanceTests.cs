using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Alarms.History;
using CallCenter.Tests.Infrastructure;

namespace CallCenter.Tests.Alarms;

/// <summary>R-ALARM-1, R-ALARM-2 through the app: tagged calls at controlled event times, the alarm history over HTTP.</summary>
public class AlarmAcceptanceTests
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    const string Day = "2026-03-02";

    static string Expect(string area, string kind, int level, int count, DateTimeOffset at) => $"{area} {kind} {level} {count} {at.ToUniversalTime():O}";

    /// <summary>East: 20 calls a minute apart. West: 4 calls within the hour and 20 spread over more than an hour. North: not tagged for work orders.</summary>
    static List<TaggedCall> Scenario(string east, string west, string north) =>
    [
        .. Enumerable.Range(0, 20).Select(i => new TaggedCall($"e{i}", east, T0.AddMinutes(i))),
        .. Enumerable.Range(0, 4).Select(i => new TaggedCall($"w{i}", west, T0.AddMinutes(5 * i))),
        .. Enumerable.Range(0, 20).Select(i => new TaggedCall($"ws{i}", west, T0.AddHours(4).AddSeconds(190 * i))),
        .. Enumerable.Range(0, 6).Select(i => new TaggedCall($"n{i}", north, T0.AddMinutes(i), Purpose: "repair")),
    ];

    [Fact]
    public async Task Levels_rise_with_the_tagged_calls_of_one_area_and_fall_as_the_window_slides_past_them()
    {
        using var app = await AppHost.StartAsync();
        var kit = new AlarmKit(app);
        await kit.IngestAsync(Scenario(await kit.CustomerInAsync("east"), await kit.CustomerInAsync("west"), await kit.CustomerInAsync("north")));
        var supervisor = await app.SignInAsync("supervisor1");

        var tagged = T0.AddMinutes(2); // the first east call's tag time; one a minute after
        var history = await kit.SettledHistoryAsync(supervisor, Day, Day);
        List<string> east =
        [
            Expect("east", "raised", 3, 5, tagged.AddMinutes(4)),          // the 5th
            Expect("east", "escalated", 2, 10, tagged.AddMinutes(9)),      // the 10th
            Expect("east", "escalated", 1, 20, tagged.AddMinutes(19)),     // the 20th
            Expect("east", "deEscalated", 2, 19, tagged.AddMinutes(60)),   // the 1st leaves the hour
            Expect("east", "deEscalated", 3, 9, tagged.AddMinutes(70)),    // the 11th leaves
            Expect("east", "cleared", 0, 4, tagged.AddMinutes(75)),        // the 16th leaves
        ];
        Assert.Equal(east, history.Where(h => h.StartsWith("east ")));
        // West: 4 within an hour raise nothing; 20 spread over 60 min 10 s reach level 2 but never level 1. North: other purpose.
        var west = history.Where(h => h.StartsWith("west ")).ToList();
        Assert.Equal("west raised 3", west[0][..13]);
        Assert.True(west[0].CompareTo("west raised 3 5 " + T0.AddHours(4).ToUniversalTime().ToString("O")) > 0, "the early 4 calls raise nothing");
        Assert.DoesNotContain(west, h => h.Contains(" 1 "));
        Assert.Contains(west, h => h.StartsWith("west escalated 2"));
        Assert.DoesNotContain(history, h => h.StartsWith("north "));
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement[]>("/api/alarms/active"))!); // all in the past, all cleared
    }

    [Fact]
    public async Task The_same_calls_ingested_in_shuffled_order_give_the_same_history_and_a_rebuild_gives_identical_rows()
    {
        List<string> inOrder, shuffled, rowsBefore;
        string database;
        using (var a = await AppHost.StartAsync())
        {
            var kit = new AlarmKit(a);
            await kit.IngestAsync(Scenario(await kit.CustomerInAsync("east"), await kit.CustomerInAsync("west"), await kit.CustomerInAsync("north")));
            inOrder = await kit.SettledHistoryAsync(await a.SignInAsync("supervisor1"), Day, Day);
        }
        using (var b = await AppHost.StartAsync())
        {
            database = b.Database;
            var kit = new AlarmKit(b);
            var calls = Scenario(await kit.CustomerInAsync("east"), await kit.CustomerInAsync("west"), await kit.CustomerInAsync("north"));
            var random = new Random(7);
            var cti = calls.SelectMany(AlarmKit.CtiEvents).OrderBy(_ => random.Next()).ToList();
            for (var i = 0; i < cti.Count; i += 17) await kit.PostCtiAsync(cti.Skip(i).Take(17));
            await kit.AgentsCaughtUpAsync();
            foreach (var c in calls.OrderBy(_ => random.Next())) await kit.TagAsync(c);
            shuffled = await kit.SettledHistoryAsync(await b.SignInAsync("supervisor1"), Day, Day);
            rowsBefore = await ReadModelRows.RowsAsync(database, AlarmHistoryProjection.Tables);
        }
        Assert.Equal(inOrder, shuffled);
        Assert.NotEmpty(inOrder);

        var checkpoint = await ReadModelRows.CheckpointAsync(database, "outage-alarms");
        await ReadModelRows.DropAsync(database, "outage-alarms", AlarmHistoryProjection.Tables);
        using var rebuilt = await AppHost.StartAsync(database);
        await Eventually.GetAsync(() => ReadModelRows.CheckpointAsync(database, "outage-alarms"), p => p >= checkpoint, TimeSpan.FromSeconds(30), "rebuilt");
        Assert.Equal(rowsBefore, await ReadModelRows.RowsAsync(database, AlarmHistoryProjection.Tables));
    }

    [Fact]
    public async Task Admins_set_the_thresholds_and_an_alarm_raised_now_is_active_with_its_count()
    {
        using var app = await AppHost.StartAsync();
        var kit = new AlarmKit(app);
        var agent = await app.SignInAsync("agent1");
        var admin = await app.SignInAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/alarms/settings", new { level3 = 3, level2 = 6, level1 = 9, windowMinutes = 30 })).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/alarms/settings", new { level3 = 3, level2 = 3, level1 = 9, windowMinutes = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("level2", out _));
        var set = await admin.PutAsJsonAsync("/api/alarms/settings", new { level3 = 3, level2 = 6, level1 = 9, windowMinutes = 30 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var rulesSince = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("since").GetDateTimeOffset();
        Assert.Equal(3, (await agent.GetFromJsonAsync<JsonElement>("/api/alarms/settings")).GetProperty("level3").GetInt32());

        var start = DateTimeOffset.UtcNow.AddMinutes(-8);
        var east = await kit.CustomerInAsync("east");
        await kit.IngestAsync([.. Enumerable.Range(0, 3).Select(i => new TaggedCall($"now{i}", east, start.AddMinutes(i)))]);
        var active = await Eventually.GetAsync(() => agent.GetFromJsonAsync<JsonElement[]>("/api/alarms/active"), a => a.Length == 1, what: "an active alarm");
        Assert.Equal(("east", 3, 3), (active[0].GetProperty("area").GetString(), active[0].GetProperty("level").GetInt32(), active[0].GetProperty("count").GetInt32()));
        // the three calls were tagged before the new thresholds: under the old ones (5) they raised nothing; the new ones raise it from their time
        Assert.Equal(rulesSince.ToUnixTimeMilliseconds(), active[0].GetProperty("since").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }
}
