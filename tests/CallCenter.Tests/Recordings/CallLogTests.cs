using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CallCenter.Tests.Recordings;

/// <summary>The call log (seed 003 "通话记录"): by scope, with the recording link, and an Excel file that reads back equal to the JSON.</summary>
public sealed class CallLogTests : IAsyncLifetime
{
    readonly ShiftedClock clock = new();
    readonly string directory = Path.Combine(Path.GetTempPath(), "cc-calllog-" + Guid.NewGuid().ToString("N"));
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

    sealed record Entry(string CallId, DateTimeOffset StartedAt, string? Number, string? Direction, int DurationSeconds, string? AgentId,
        string? Queue, string? Purpose, string? Subtype, string? RecordingId);

    [Fact]
    public async Task An_agents_call_log_shows_their_calls_only_and_its_xlsx_reads_back_equal_to_the_json()
    {
        var first = await RecordingKit.TalkAsync(desk, clock, "13912340011", TimeSpan.FromSeconds(65));
        var second = await RecordingKit.TalkAsync(desk, clock, "13912340012", TimeSpan.FromSeconds(4));
        var agent1 = await desk.As("agent1");
        await RecordingKit.FoundAsync(agent1, "13912340012", second);

        var json = (await agent1.GetFromJsonAsync<List<Entry>>("/api/calls?number=1391234001"))!;
        Assert.Equal([second, first], json.Select(e => e.CallId));
        Assert.Equal([await RecordingKit.TalkSecondsAsync(desk, second), await RecordingKit.TalkSecondsAsync(desk, first)], json.Select(e => e.DurationSeconds));
        Assert.True(json[0].DurationSeconds >= 4 && json[1].DurationSeconds >= 65); // the clock moved on, plus the real time between answer and hang-up
        Assert.All(json, e => Assert.Equal(("inbound", "agent1", "broadband", "consultation", e.CallId), (e.Direction, e.AgentId, e.Queue, e.Purpose, e.RecordingId)));

        var bytes = await agent1.GetByteArrayAsync("/api/calls?number=1391234001&format=xlsx");
        using var xlsx = new MemoryStream(bytes);
        var read = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Entry(
            (string)r["CallId"]!, ToInstant(r["StartedAt"]), (string?)r["Number"], (string?)r["Direction"], Convert.ToInt32(r["DurationSeconds"]),
            (string?)r["AgentId"], (string?)r["Queue"], (string?)r["Purpose"], (string?)r["Subtype"], (string?)r["RecordingId"])).ToList();
        Assert.True(json.SequenceEqual(read), "read back:\n" + string.Join("\n", read) + "\njson:\n" + string.Join("\n", json));

        Assert.Empty((await (await desk.As("agent2")).GetFromJsonAsync<List<Entry>>("/api/calls?number=1391234001"))!);
        Assert.Equal(2, (await (await desk.As("supervisor1")).GetFromJsonAsync<List<Entry>>("/api/calls?number=1391234001&agentId=agent1"))!.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("analyst")).GetAsync("/api/calls")).StatusCode);
        var bad = await agent1.GetAsync("/api/calls?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", await bad.Content.ReadAsStringAsync());
    }

    static DateTimeOffset ToInstant(object? cell) => cell switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"StartedAt cell: {cell?.GetType()}"),
    };
}
