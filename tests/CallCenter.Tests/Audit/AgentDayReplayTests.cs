using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Simulation.History;
using CallCenter.Simulation.Traffic;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CallCenter.Tests.Audit;

/// <summary>R-USE-3: an auditor replays one agent's 300-call day from the event store.</summary>
public class AgentDayReplayTests(ITestOutputHelper output)
{
    static readonly DateOnly Day = new(2026, 3, 10);
    static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>One agent's day: calls every 130 s from 08:15, patient callers, so the agent takes every one of them.</summary>
    public static List<PlannedCall> Plan(DateOnly day, int calls, string prefix) =>
        Enumerable.Range(0, calls).Select(i => new PlannedCall($"{prefix}-{i}", new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 15)), Cst).AddSeconds(130 * i),
            $"1390000{i % 1000:0000}", "east", "96000", ["1"], "broadband", 7200, 60 + i % 40, i % 10 == 0 ? 12 : 0, 15, "consultation", "other", null)).ToList();

    public static async Task WriteDayAsync(AppHost app, string agent, DateOnly day, int calls)
    {
        var ns = DeterministicGuid.Create(Guid.Empty, $"audit-test/{agent}/{day}");
        var simulated = new DaySimulation([new SimAgent(agent, ["broadband"])], ns).Run(day, Plan(day, calls, $"{agent}-{day:MMdd}"));
        await app.Services.GetRequiredService<HistoryGenerator>().WriteAsync(simulated, ns, default);
    }

    static DateTimeOffset At(RecordedEvent e) => JsonDocument.Parse(e.Data).RootElement.GetProperty("at").GetDateTimeOffset();

    [Fact]
    public async Task A_300_call_day_replays_event_by_event_and_its_states_add_up_to_the_time_signed_in()
    {
        using var app = await AppHost.StartAsync();
        await WriteDayAsync(app, "agent7", Day.AddDays(-1), 40);
        await WriteDayAsync(app, "agent7", Day, 300);
        var store = app.Services.GetRequiredService<IEventStore>();
        var stream = new List<RecordedEvent>();
        await foreach (var e in store.ReadStreamAsync("agent-agent7")) stream.Add(e);
        await Eventually.GetAsync(() => ReadModelRows.CheckpointAsync(app.Database, "agent-days"), p => p >= (long)stream[^1].Position,
            TimeSpan.FromSeconds(30), "agent days indexed");

        var auditor = await app.SignInAsync("auditor");
        var day = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit/agents/agent7/days/{Day:yyyy-MM-dd}");

        // the events: exactly the agent stream's events whose event time falls in the center's day, in stream order
        var start = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), Cst);
        var expected = stream.Where(e => At(e) >= start && At(e) < start.AddDays(1)).ToList();
        var events = day.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => (e.StreamRevision, e.Type)), events.Select(e => (e.GetProperty("revision").GetInt64(), e.GetProperty("type").GetString()!)));
        Assert.All(events, e => Assert.Equal("agent7", e.GetProperty("actor").GetString()));
        Assert.Equal(300, day.GetProperty("calls").GetArrayLength());
        Assert.All(day.GetProperty("calls").EnumerateArray(), c => Assert.StartsWith("1390000", c.GetProperty("ani").GetString()));

        // the states add up to sign-out − sign-in
        var signIn = At(expected.First(e => e.Type == "AgentSignedIn.v1"));
        var signOut = At(expected.Last(e => e.Type == "AgentSignedOut.v1"));
        var spans = day.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal((signOut - signIn).TotalSeconds, spans.Sum(s => s.GetProperty("seconds").GetDouble()), 3);
        Assert.Equal((signOut - signIn).TotalSeconds, day.GetProperty("signedInSeconds").GetDouble(), 3);
        Assert.Equal(signIn, spans[0].GetProperty("from").GetDateTimeOffset());
        Assert.Equal(signOut, spans[^1].GetProperty("to").GetDateTimeOffset());
        for (var i = 1; i < spans.Count; i++) Assert.Equal(spans[i - 1].GetProperty("to").GetDateTimeOffset(), spans[i].GetProperty("from").GetDateTimeOffset());
        var talking = day.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("state").GetString() == "talking").GetProperty("seconds").GetDouble();
        Assert.Equal(Plan(Day, 300, "x").Sum(c => c.TalkSeconds + c.HoldSeconds), talking, 3);
        output.WriteLine($"{events.Count} events, {spans.Count} spans, replay {day.GetProperty("replayMilliseconds").GetDouble():0.0} ms (first call, cold)");
    }

    [Fact]
    public async Task Only_auditors_supervisors_and_admins_replay_and_bad_input_is_named()
    {
        using var app = await AppHost.StartAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("agent1")).GetAsync("/api/audit/agents/agent1/days/2026-03-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("analyst")).GetAsync("/api/audit/agents/agent1/days/2026-03-10")).StatusCode);
        var auditor = await app.SignInAsync("auditor");
        var bad = await auditor.GetAsync("/api/audit/agents/agent1/days/10-03-2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/audit/agents/nobody/days/2026-03-10")).StatusCode);
        var empty = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/agents/agent1/days/2026-03-10");
        Assert.Equal(0, empty.GetProperty("events").GetArrayLength());
    }
}
