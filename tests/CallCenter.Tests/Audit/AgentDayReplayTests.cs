using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.AuditBench;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Projections;
using CallCenter.Simulation.History;
using CallCenter.Tests.EventStore;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Audit;

/// <summary>R-USE-3 on real PostgreSQL: a 300-call day replayed from the store matches the store event for event.</summary>
public class AgentDayReplayTests : IAsyncLifetime
{
    static readonly DateOnly Day = new(2026, 10, 14);
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    /// <summary>agent1 works the day before (40 calls), the day (300) and the day after (40), as the history generator stores days.</summary>
    async Task WriteDaysAsync()
    {
        var ns = DeterministicGuid.Create(Guid.Empty, "audit-test");
        var sim = new DaySimulation([new SimAgent("agent1", ["broadband", "general"])], ns);
        var generator = app.Services.GetRequiredService<HistoryGenerator>();
        foreach (var (day, calls) in new[] { (Day.AddDays(-1), 40), (Day, 300), (Day.AddDays(1), 40) })
            await generator.WriteAsync(sim.Run(day, BusyDay.Plan(day, calls, 1)), ns, default);
        // The reactor (its appends are duplicates) and the day index have seen everything.
        var store = app.Services.GetRequiredService<IEventStore>();
        var status = app.Services.GetRequiredService<ProjectionStatus>();
        await Eventually.GetAsync(async () => await store.ReadAllAsync(null).ToListAsync(), all =>
            status.PositionOf("calls-to-agents") >= all.Last(e => e.StreamId.StartsWith("call-")).Position &&
            status.PositionOf("audit-agent-days") >= all.Last(e => e.StreamId.StartsWith("agent-")).Position,
            TimeSpan.FromSeconds(60), "projections caught up");
    }

    static DateTimeOffset At(RecordedEvent e) => JsonDocument.Parse(e.Data).RootElement.GetProperty("at").GetDateTimeOffset();
    static IEnumerable<JsonElement> Each(JsonElement e, string property) => e.GetProperty(property).EnumerateArray();
    static DateTimeOffset Time(JsonElement e, string property) => e.GetProperty(property).GetDateTimeOffset();

    [Fact]
    public async Task A_300_call_day_replays_event_for_event_and_its_states_tile_sign_in_to_sign_out()
    {
        await WriteDaysAsync();
        var auditor = await app.SignInAsync("auditor");
        var response = await auditor.GetAsync($"/api/audit/agents/agent1/days/{Day:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var day = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Read independently: the whole agent stream, the events whose own time is in the center day.
        var store = app.Services.GetRequiredService<IEventStore>();
        var (from, to) = (CenterTime.StartOf(Day, CenterTime.DefaultZone), CenterTime.StartOf(Day.AddDays(1), CenterTime.DefaultZone));
        var expected = (await store.ReadStreamAsync("agent-agent1").ToListAsync()).Where(e => At(e) >= from && At(e) < to).ToList();
        var events = Each(day, "events").ToList();
        Assert.Equal(expected.Select(e => (e.EventId, e.Type, e.StreamRevision)),
            events.Select(e => (e.GetProperty("eventId").GetGuid(), e.GetProperty("type").GetString()!, e.GetProperty("revision").GetInt64())));
        Assert.All(events, e => Assert.Equal(("agent1", "simulator"), (e.GetProperty("actor").GetString(), e.GetProperty("source").GetString())));
        Assert.Equal(expected[0].StreamRevision, day.GetProperty("read").GetProperty("startRevision").GetInt64()); // the index pointed at the day
        Assert.Equal(JsonDocument.Parse(expected[5].Data).RootElement.ToString(), events[5].GetProperty("data").ToString());

        // Every call's events, as its own stream holds them.
        var calls = Each(day, "calls").ToList();
        Assert.Equal(300, calls.Count);
        foreach (var call in calls)
        {
            var stream = await store.ReadStreamAsync("call-" + call.GetProperty("callId").GetString()).ToListAsync();
            Assert.Equal(stream.Select(e => e.EventId), Each(call, "events").Select(e => e.GetProperty("eventId").GetGuid()));
            Assert.Equal("consultation", call.GetProperty("purpose").GetString());
            Assert.StartsWith("1390", call.GetProperty("caller").GetString());
        }
        Assert.Equal(60, calls.Count(c => c.GetProperty("holds").GetInt32() == 1));

        // The states tile the signed-in time exactly: sign-in to sign-out, no gaps, no overlaps.
        var timeline = Each(day, "timeline").ToList();
        var signedIn = Time(day, "firstSignedInAt");
        var signedOut = Time(day, "lastSignedOutAt");
        Assert.Equal(signedIn, Time(timeline[0], "start"));
        Assert.Equal(signedOut, Time(timeline[^1], "end"));
        for (var i = 1; i < timeline.Count; i++) Assert.Equal(Time(timeline[i - 1], "end"), Time(timeline[i], "start"));
        var total = (long)(signedOut - signedIn).TotalMilliseconds;
        Assert.Equal(total, timeline.Sum(p => p.GetProperty("durationMs").GetInt64()));
        Assert.Equal(total, Each(day, "totals").Sum(t => t.GetProperty("durationMs").GetInt64()));
        Assert.Equal(total, day.GetProperty("signedInMs").GetInt64());
        Assert.DoesNotContain(timeline, p => p.GetProperty("clippedStart").GetBoolean() || p.GetProperty("clippedEnd").GetBoolean());

        // Talking time is the calls' talk and hold; lunch is a not-ready reason of 30 minutes.
        var talking = Each(day, "totals").Single(t => t.GetProperty("state").GetString() == "talking").GetProperty("durationMs").GetInt64();
        Assert.Equal(calls.Sum(c => c.GetProperty("talkMs").GetInt64() + c.GetProperty("holdMs").GetInt64()), talking);
        var lunch = Each(day, "notReadyReasons").Single(t => t.GetProperty("reasonCode").GetString() == "lunch");
        Assert.Equal(30 * 60_000, lunch.GetProperty("durationMs").GetInt64());
    }

    [Fact]
    public async Task An_index_that_lags_or_is_missing_costs_a_longer_read_never_an_event()
    {
        await WriteDaysAsync();
        var auditor = await app.SignInAsync("auditor");
        async Task<(List<Guid> Ids, long Start)> ReplayAsync()
        {
            var day = await auditor.GetFromJsonAsync<JsonElement>($"/api/audit/agents/agent1/days/{Day:yyyy-MM-dd}");
            return ([.. Each(day, "events").Select(e => e.GetProperty("eventId").GetGuid())], day.GetProperty("read").GetProperty("startRevision").GetInt64());
        }
        var indexed = await ReplayAsync();
        Assert.True(indexed.Ids.Count > 1000);

        await using var db = new Npgsql.NpgsqlConnection(app.Database);
        await db.OpenAsync();
        var utcDay = CallCenter.Audit.AgentDayIndex.UtcDay(CallCenter.Infrastructure.CenterTime.StartOf(Day, CallCenter.Infrastructure.CenterTime.DefaultZone)); // the index is by UTC day
        await new Npgsql.NpgsqlCommand($"update audit_agent_utc_days set last_revision = first_revision + 10 where agent_id = 'agent1' and utc_day = '{utcDay:yyyy-MM-dd}'", db).ExecuteNonQueryAsync();
        var lagging = await ReplayAsync();
        Assert.Equal(indexed.Ids, lagging.Ids);
        Assert.Equal(indexed.Start, lagging.Start);

        await new Npgsql.NpgsqlCommand("delete from audit_agent_utc_days where agent_id = 'agent1'", db).ExecuteNonQueryAsync();
        var unindexed = await ReplayAsync();
        Assert.Equal(indexed.Ids, unindexed.Ids);
        Assert.Equal(0, unindexed.Start); // read from the stream's start
    }

    [Fact]
    public async Task Only_auditors_supervisors_and_admins_may_replay_and_the_day_must_be_a_date()
    {
        var agent = await app.SignInAsync("agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/audit/agents/agent1/days/{Day:yyyy-MM-dd}")).StatusCode);
        var analyst = await app.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/audit/agents/agent1/days/{Day:yyyy-MM-dd}")).StatusCode);
        var supervisor = await app.SignInAsync("supervisor1");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/audit/agents/agent2/days/{Day:yyyy-MM-dd}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/audit/agents/agent2/days/14-10-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/audit/agents/nobody/days/{Day:yyyy-MM-dd}")).StatusCode);
    }
}
