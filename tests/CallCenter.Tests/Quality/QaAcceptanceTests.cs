using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Recordings;
using CallCenter.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Quality;

/// <summary>
/// Quality inspection end to end (issue 15, docs/quality.md): an admin defines a form, QA samples recorded calls per agent, scores
/// one with a comment at a moment of the recording, the agent sees the score on the desktop and disputes it; the QA report's
/// figures equal a recount from the raw events (read as JSON here, not through the application's event types or projection).
/// </summary>
public sealed class QaAcceptanceTests : IAsyncLifetime
{
    readonly ShiftedClock clock = new();
    readonly string directory = Path.Combine(Path.GetTempPath(), "cc-qa-" + Guid.NewGuid().ToString("N"));
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

    static readonly object Form = new
    {
        name = "Hotline basics",
        sections = new object[]
        {
            new { name = "Opening", items = new object[] { new { id = "greet", text = "Greets with name and center", weight = 10, failing = false } } },
            new
            {
                name = "Handling",
                items = new object[]
                {
                    new { id = "verify", text = "Verifies the customer's identity", weight = 30, failing = true },
                    new { id = "solve", text = "Solves or dispatches", weight = 60, failing = false },
                },
            },
        },
    };

    [Fact]
    public async Task QA_scores_a_sampled_call_the_agent_sees_and_disputes_it_and_the_report_equals_a_recount_from_the_events()
    {
        var admin = await desk.As("admin");
        var qa = await desk.As("qa1");
        var agent1 = await desk.As("agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PutAsJsonAsync("/api/qa/forms/basics", Form)).StatusCode); // admins define forms
        var bad = await admin.PutAsJsonAsync("/api/qa/forms/basics", new { name = "", sections = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sections", await bad.Content.ReadAsStringAsync());
        Assert.Empty(await desk.RecordedAsync("qaform-basics")); // nothing stored
        Desk.Ok(await admin.PutAsJsonAsync("/api/qa/forms/basics", Form));
        Desk.Ok(await admin.PutAsJsonAsync("/api/qa/forms/basics", Form)); // the same again: nothing new
        Assert.Single(await desk.RecordedAsync("qaform-basics"));

        // two recorded calls of agent1, one of agent2 (both team-1)
        var a1 = await RecordingKit.TalkAsync(desk, clock, "13955550001", TimeSpan.FromSeconds(12));
        var a1b = await RecordingKit.TalkAsync(desk, clock, "13955550002", TimeSpan.FromSeconds(5));
        var a2 = await RecordingKit.TalkAsync(desk, clock, "13955550003", TimeSpan.FromSeconds(6), agent: "agent2", queue: "cable-tv");
        foreach (var (ani, recorded) in new[] { ("13955550001", a1), ("13955550002", a1b), ("13955550003", a2) })
            await RecordingKit.FoundAsync(qa, ani, recorded);

        // random sampling: one call per agent
        var range = new { from = clock.GetUtcNow().AddHours(-1).ToString("O"), to = clock.GetUtcNow().AddHours(1).ToString("O") };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.PostAsJsonAsync("/api/qa/samples", new { range.from, range.to, perAgent = 1 })).StatusCode);
        var badSample = await qa.PostAsJsonAsync("/api/qa/samples", new { range.from, range.to, perAgent = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badSample.StatusCode);
        Assert.Contains("perAgent", await badSample.Content.ReadAsStringAsync());
        var sampledResponse = await qa.PostAsJsonAsync("/api/qa/samples", new { range.from, range.to, perAgent = 1, team = "team-1" });
        Desk.Ok(sampledResponse);
        var sampled = (await sampledResponse.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(s => s.GetProperty("agentId").GetString()!, s => s.GetProperty("callId").GetString()!);
        Assert.Equal(["agent1", "agent2"], sampled.Keys.Order());
        Assert.Contains(sampled["agent1"], new[] { a1, a1b });
        Assert.Equal(a2, sampled["agent2"]);
        var queue = await Eventually.GetAsync(() => ReviewsAsync(qa, "status=sampled"), r => r.Length == 2, RecordingKit.Patience, "the review queue");
        Assert.Equal(sampled.Values.Order(), queue.Select(r => r.GetProperty("callId").GetString()).Order());

        // QA scores agent1's sampled call, with a comment 3 s into the recording
        var call = sampled["agent1"];
        var score = new
        {
            formId = "basics",
            answers = new[] { new { itemId = "greet", points = 10 }, new { itemId = "verify", points = 30 }, new { itemId = "solve", points = 40 } },
            comments = new[] { new { second = 3, text = "Did not repeat the fault number back" } },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.PostAsJsonAsync($"/api/qa/reviews/{call}/score", score)).StatusCode);
        var tooMany = await qa.PostAsJsonAsync($"/api/qa/reviews/{call}/score", score with { answers = [new { itemId = "greet", points = 11 }, score.answers[1], score.answers[2]] });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("answers", await tooMany.Content.ReadAsStringAsync());
        var late = await qa.PostAsJsonAsync($"/api/qa/reviews/{call}/score", score with { comments = [new { second = 3600, text = "x" }] });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("comments", await late.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await desk.RecordedAsync("qareview-" + call), e => e.Type == "QaCallScored.v1"); // nothing stored
        var scored = await qa.PostAsJsonAsync($"/api/qa/reviews/{call}/score", score);
        Desk.Ok(scored);
        Assert.Equal(80, (await scored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("score").GetDouble());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await qa.PostAsJsonAsync($"/api/qa/reviews/{call}/score", score)).StatusCode);

        // the agent sees the score on the desktop, with the comment's moment, and disputes it; agent2 may not
        var mine = await Eventually.GetAsync(() => ReviewsAsync(agent1, null, "/api/qa/my-reviews"), r => r.Length == 1, RecordingKit.Patience, "agent1's scores");
        Assert.Equal(call, mine[0].GetProperty("callId").GetString());
        Assert.Equal(80, mine[0].GetProperty("score").GetDouble());
        Assert.Equal(3, mine[0].GetProperty("comments")[0].GetProperty("second").GetInt32());
        Assert.Empty(await ReviewsAsync(await desk.As("agent2"), null, "/api/qa/my-reviews"));
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("agent2", $"/api/qa/reviews/{call}/dispute", new { reason = "not mine" })).StatusCode);
        Desk.Ok(await agent1.PostAsJsonAsync($"/api/qa/reviews/{call}/dispute", new { reason = "I did repeat it at 0:05" }));
        await Eventually.GetAsync(() => ReviewsAsync(agent1, null, "/api/qa/my-reviews"), r => r[0].GetProperty("status").GetString() == "disputed",
            RecordingKit.Patience, "disputed");

        // agent2's call fails on the failing item; supervisor2 (team-2) sees none of team-1's reviews
        Desk.Ok(await qa.PostAsJsonAsync($"/api/qa/reviews/{a2}/score",
            score with { answers = [new { itemId = "greet", points = 10 }, new { itemId = "verify", points = 0 }, new { itemId = "solve", points = 60 }] }));
        Assert.Empty(await ReviewsAsync(await desk.As("supervisor2"), null));
        var supervisor1 = await desk.As("supervisor1");
        await Eventually.GetAsync(() => ReviewsAsync(supervisor1, "status=scored"), r => r.Length == 1, RecordingKit.Patience, "supervisor1 sees");

        // the report per agent, team and form equals a recount from the raw events
        var recount = await RecountAsync();
        foreach (var groupBy in new[] { "agent", "team", "form" })
        {
            var expected = recount.GroupBy(r => groupBy switch { "agent" => r.Agent, "team" => r.Team ?? "unknown", _ => r.FormName })
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}|{g.Count()}|{Math.Round(g.Average(r => r.Score), 2, MidpointRounding.AwayFromZero)}|{g.Count(r => r.Failed)}|{g.Count(r => r.Disputed)}")
                .ToList();
            var rows = await Eventually.GetAsync(async () => ReportLines(await admin.GetFromJsonAsync<JsonElement>(
                    $"/api/reports/qa-scores?from={Uri.EscapeDataString(range.from)}&to={Uri.EscapeDataString(range.to)}&groupBy={groupBy}")),
                r => r.SequenceEqual(expected), RecordingKit.Patience, "the QA report by " + groupBy + ": " + string.Join("; ", expected));
            Assert.Equal(expected, rows);
        }
        // a rebuild from 0 equals the live model
        var liveReviews = await admin.GetStringAsync("/api/qa/reviews");
        var liveForms = await admin.GetStringAsync("/api/qa/forms");
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/projections/qa/rebuild", null)).StatusCode);
        await CallCenter.Tests.Projections.ProjectionRebuildKit.LiveAtVersionAsync(admin, "qa", 2, RecordingKit.Patience);
        Assert.Equal(liveReviews, await admin.GetStringAsync("/api/qa/reviews"));
        Assert.Equal(liveForms, await admin.GetStringAsync("/api/qa/forms"));

        Assert.Equal(["agent1|1|80|0|1", "agent2|1|0|1|0"], recount.OrderBy(r => r.Agent)
            .Select(r => $"{r.Agent}|1|{r.Score}|{(r.Failed ? 1 : 0)}|{(r.Disputed ? 1 : 0)}"));
    }

    static async Task<JsonElement[]> ReviewsAsync(HttpClient client, string? query, string path = "/api/qa/reviews") =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path + (query is null ? "" : "?" + query))).EnumerateArray()];

    static List<string> ReportLines(JsonElement rows) => [.. rows.EnumerateArray().Select(r =>
        $"{r.GetProperty("key").GetString()}|{r.GetProperty("reviews").GetInt32()}|{r.GetProperty("average").GetDouble()}|{r.GetProperty("failed").GetInt32()}|{r.GetProperty("disputed").GetInt32()}")];

    sealed record Counted(string Agent, string? Team, string FormName, double Score, bool Failed, bool Disputed);

    /// <summary>
    /// The recount: every qareview- stream's events as plain JSON; a call's current score is its last QaCallScored, disputed when a
    /// QaScoreDisputed follows it; the score is recomputed from the answers and the form's weights as stored in the qaform- events.
    /// </summary>
    async Task<List<Counted>> RecountAsync()
    {
        var forms = new Dictionary<string, JsonElement>();
        var current = new Dictionary<string, (JsonElement Scored, bool Disputed)>();
        await foreach (var e in app.Services.GetRequiredService<IEventStore>().ReadAllAsync(null, EventFilter.Streams("qaform-", "qareview-")))
        {
            var data = JsonDocument.Parse(e.Data).RootElement.Clone();
            switch (e.Type)
            {
                case "QaFormDefined.v1": forms[data.GetProperty("formId").GetString()!] = data; break;
                case "QaCallScored.v1": current[e.StreamId] = (data, false); break;
                case "QaScoreDisputed.v1": current[e.StreamId] = (current[e.StreamId].Scored, true); break;
            }
        }
        return [.. current.Values.Select(c =>
        {
            var form = forms[c.Scored.GetProperty("formId").GetString()!];
            var items = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
                .ToDictionary(i => i.GetProperty("id").GetString()!, i => (Weight: i.GetProperty("weight").GetInt32(), Failing: i.GetProperty("failing").GetBoolean()));
            var answers = c.Scored.GetProperty("answers").EnumerateArray().Select(a => (Item: a.GetProperty("itemId").GetString()!, Points: a.GetProperty("points").GetInt32())).ToList();
            var failed = answers.Any(a => items[a.Item].Failing && a.Points == 0);
            var score = failed ? 0 : Math.Round(100.0 * answers.Sum(a => a.Points) / items.Values.Sum(i => i.Weight), 1, MidpointRounding.AwayFromZero);
            return new Counted(c.Scored.GetProperty("agentId").GetString()!, c.Scored.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                form.GetProperty("name").GetString()!, score, failed, c.Disputed);
        })];
    }
}
