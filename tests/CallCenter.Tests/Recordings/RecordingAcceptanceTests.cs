using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Recordings.Retention;
using CallCenter.Recordings.Synthesis;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Recordings;

/// <summary>R-REC-1 end to end: the simulated PBX records, the search finds, the audio plays by permission, accesses are events.</summary>
public sealed class RecordingAcceptanceTests : IAsyncLifetime
{
    readonly ShiftedClock clock = new();
    readonly string directory = Path.Combine(Path.GetTempPath(), "cc-recordings-" + Guid.NewGuid().ToString("N"));
    AppHost app = null!;
    Desk desk = null!;

    public async Task InitializeAsync()
    {
        app = await AppHost.StartAsync(settings: new Dictionary<string, string> { ["CALLCENTER_RECORDINGS_DIR"] = directory },
            services: s => s.AddSingleton<TimeProvider>(clock));
        desk = new Desk(app);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_call_is_recorded_as_long_as_its_talk_time_found_by_caller_number_and_served_with_ranges()
    {
        var call = await RecordingKit.TalkAsync(desk, clock, "13912340001", TimeSpan.FromSeconds(7));
        var agent1 = await desk.As("agent1");
        var row = await RecordingKit.FoundAsync(agent1, "1234000", call); // part of the number
        Assert.Equal(call, row.GetProperty("id").GetString());
        Assert.Equal("agent1", row.GetProperty("agentId").GetString());
        var talk = await RecordingKit.TalkSecondsAsync(desk, call);
        Assert.True(talk >= 7, $"talk {talk} s"); // 7 s on the clock, plus the real time the test took between answer and hang-up
        Assert.Equal(talk, row.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("13912340001", row.GetProperty("ani").GetString());
        Assert.Equal("96000", row.GetProperty("dnis").GetString());

        var wav = await agent1.GetByteArrayAsync($"/api/recordings/{call}/audio");
        Assert.Equal(talk, Wav.DurationSeconds(wav));
        Assert.Equal(44 + talk * 8000, wav.Length);
        Assert.Contains(wav[44..], b => Math.Abs(b - 128) > 40); // someone speaks: not silence

        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{call}/audio");
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        var partial = await agent1.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(wav[1000..2000], await partial.Content.ReadAsByteArrayAsync());

        // the other criteria: duration, call id, agent, time; and a miss on each
        Assert.Single(await RecordingKit.SearchAsync(agent1, $"callId={call}&minSeconds={talk}&maxSeconds={talk}&agentId=agent1&purpose=consultation"));
        Assert.Empty(await RecordingKit.SearchAsync(agent1, $"callId={call}&minSeconds={talk + 1}"));
        Assert.Empty(await RecordingKit.SearchAsync(agent1, $"callId={call}&to={Uri.EscapeDataString(clock.GetUtcNow().AddHours(-1).ToString("O"))}"));
        var bad = await agent1.GetAsync("/api/recordings?minSeconds=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("minSeconds", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Agent2_is_refused_agent1s_recording_the_team_supervisor_hears_it_and_the_auditor_sees_who_listened()
    {
        var call = await RecordingKit.TalkAsync(desk, clock, "13912340002", TimeSpan.FromSeconds(3));
        await RecordingKit.FoundAsync(await desk.As("agent1"), "13912340002", call);
        var audio = $"/api/recordings/{call}/audio";

        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent2")).GetAsync(audio)).StatusCode);
        Assert.Empty(await RecordingKit.SearchAsync(await desk.As("agent2"), "ani=13912340002")); // nor does agent2 find it
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent11")).GetAsync("/api/recordings/" + call + "/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("analyst")).GetAsync(audio)).StatusCode);

        var supervisor = await desk.As("supervisor1"); // team-1, like agent1
        Assert.Single(await RecordingKit.SearchAsync(supervisor, "ani=13912340002&team=team-1"));
        Assert.Equal(await RecordingKit.TalkSecondsAsync(desk, call), Wav.DurationSeconds(await supervisor.GetByteArrayAsync(audio)));
        var seek = new HttpRequestMessage(HttpMethod.Get, audio);
        seek.Headers.Range = new RangeHeaderValue(8000, null); // the player seeking: the same listening, not a new access
        Assert.Equal(HttpStatusCode.PartialContent, (await supervisor.SendAsync(seek)).StatusCode);
        var download = await (await desk.As("admin")).GetAsync(audio + "?download=true");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent1")).GetAsync($"/api/recordings/{call}/accesses")).StatusCode);
        var accesses = (await (await desk.As("auditor")).GetFromJsonAsync<JsonElement>($"/api/recordings/{call}/accesses")).EnumerateArray()
            .Select(a => (a.GetProperty("userId").GetString(), a.GetProperty("kind").GetString())).ToList();
        Assert.Equal([("supervisor1", "play"), ("admin", "download")], accesses);
        var stored = await desk.RecordedAsync("recording-" + call);
        Assert.Equal(["RecordingAccessed.v1", "RecordingAccessed.v1"], stored.Select(e => e.Type));
    }

    [Fact]
    public async Task The_policy_decides_per_queue_and_retention_deletes_with_an_event()
    {
        var admin = await desk.As("admin");
        var bad = await admin.PutAsJsonAsync("/api/recordings/policy", new { rules = new[] { new { scope = "queue", key = "broadband", mode = "sometimes", sharePercent = 100 } }, retentionDays = 30 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("rules[0].mode", await bad.Content.ReadAsStringAsync());
        Desk.Ok(await admin.PutAsJsonAsync("/api/recordings/policy", new
        {
            rules = new object[] { new { scope = "default", key = (string?)null, mode = "all", sharePercent = 100 }, new { scope = "queue", key = "broadband", mode = "none", sharePercent = 100 } },
            retentionDays = 30,
        }));

        var unrecorded = await RecordingKit.TalkAsync(desk, clock, "13912340003", TimeSpan.FromSeconds(2), queue: "broadband");
        var recorded = await RecordingKit.TalkAsync(desk, clock, "13912340004", TimeSpan.FromSeconds(2), queue: "general");
        var agent1 = await desk.As("agent1");
        await RecordingKit.FoundAsync(agent1, "13912340004", recorded); // the recorder handles calls in order: the first was decided before
        Assert.Empty(await RecordingKit.SearchAsync(agent1, "ani=13912340003"));
        Assert.DoesNotContain("RecordingReady.v1", (await desk.RecordedAsync("call-" + unrecorded)).Select(e => e.Type));

        var files = Directory.GetFiles(directory, recorded + ".wav", SearchOption.AllDirectories);
        Assert.Single(files);
        var sweep = app.Services.GetRequiredService<RetentionSweep>();
        Assert.Empty(await sweep.RunAsync(clock.GetUtcNow().AddDays(29), default));
        Assert.Contains(recorded, await sweep.RunAsync(clock.GetUtcNow().AddDays(31), default));
        Assert.False(File.Exists(files[0]));
        Assert.Equal(["RecordingDeleted.v1"], (await desk.RecordedAsync("recording-" + recorded)).Select(e => e.Type));
        await Eventually.GetAsync(() => RecordingKit.SearchAsync(agent1, "ani=13912340004"), rows => rows.Length == 0, RecordingKit.Patience, "deleted recording gone from the search");
        Assert.Equal(HttpStatusCode.NotFound, (await agent1.GetAsync($"/api/recordings/{recorded}/audio")).StatusCode);
    }
}
