using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Tests.Supervisor;

/// <summary>The queue wallboard (R-SUP-7) against simulated calls: live figures, today's figures = the service-level report, team scope, pushes.</summary>
public class WallboardTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<JsonElement> WallboardAsync(string user = "supervisor1") =>
        await (await desk.As(user)).GetFromJsonAsync<JsonElement>("/api/wallboard");

    static JsonElement Queue(JsonElement board, string queue) =>
        board.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == queue);

    [Fact]
    public async Task Todays_figures_equal_the_service_level_report_for_today()
    {
        await desk.ReadyAsync("agent1"); // broadband
        var answered = await desk.CallInAsync("13900000101");
        await desk.LegAsync("agent1", answered, "ringing");
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{answered}/answer"));
        await desk.LegAsync("agent1", answered, "talking");
        var abandoned = await desk.CallInAsync("13900000102"); // agent1 is busy: it waits in the queue

        var live = await Eventually.GetAsync(() => WallboardAsync(), b => Queue(b, "broadband").GetProperty("waiting").GetInt32() == 1,
            what: "one call waiting on the wallboard");
        Assert.Equal(1, Queue(live, "broadband").GetProperty("inProgress").GetInt32());
        Assert.True(Queue(live, "broadband").GetProperty("longestWaitSeconds").GetInt32() >= 0);

        Desk.Ok(await (await desk.As("supervisor1")).PostAsync($"/api/simulator/calls/{abandoned}/hang-up", null));
        Desk.Ok(await desk.PostAsync("agent1", $"/api/calls/{answered}/hang-up"));
        var board = await Eventually.GetAsync(() => WallboardAsync(), b =>
        {
            var q = Queue(b, "broadband");
            return q.GetProperty("answeredToday").GetInt64() == 1 && q.GetProperty("abandonedToday").GetInt64() == 1
                && q.GetProperty("waiting").GetInt32() == 0 && q.GetProperty("inProgress").GetInt32() == 0;
        }, what: "one answered and one abandoned today");

        var day = board.GetProperty("day").GetString();
        var report = (await (await desk.As("supervisor1")).GetFromJsonAsync<List<JsonElement>>($"/api/reports/service-level?from={day}&to={day}&groupBy=skillGroup"))!;
        Assert.NotEmpty(report);
        foreach (var row in report)
        {
            var q = Queue(board, row.GetProperty("key").GetString()!);
            Assert.Equal(row.GetProperty("offered").GetInt64(), q.GetProperty("offeredToday").GetInt64());
            Assert.Equal(row.GetProperty("answered").GetInt64(), q.GetProperty("answeredToday").GetInt64());
            Assert.Equal(row.GetProperty("abandoned").GetInt64(), q.GetProperty("abandonedToday").GetInt64());
            Assert.Equal(row.GetProperty("serviceLevel").ToString(), q.GetProperty("serviceLevelToday").ToString());
        }
        Assert.Equal(1.0, Queue(board, "broadband").GetProperty("serviceLevelToday").GetDouble()); // answered at once, abandoned within T
        // queues with no call today are on the board with zeros
        Assert.All(board.GetProperty("queues").EnumerateArray().Where(q => report.All(r => r.GetProperty("key").GetString() != q.GetProperty("queue").GetString())),
            q => Assert.Equal(0, q.GetProperty("answeredToday").GetInt64()));
    }

    [Fact]
    public async Task A_supervisor_sees_the_agents_of_their_teams_only_and_states_by_team()
    {
        await desk.ReadyAsync("agent2");
        Desk.Ok(await desk.PostAsync("agent12", "/api/agents/agent12/sign-in"));
        var one = await Eventually.GetAsync(() => WallboardAsync("supervisor1"),
            b => b.GetProperty("agents").EnumerateArray().Any(a => a.GetProperty("agentId").GetString() == "agent2" && a.GetProperty("state").GetString() == "ready"));
        var ids = one.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"agent{i}").Order(), ids.Order());
        var team = Assert.Single(one.GetProperty("teams").EnumerateArray());
        Assert.Equal("team-1", team.GetProperty("teamId").GetString());
        Assert.Equal(1, team.GetProperty("byState").GetProperty("ready").GetInt32());
        Assert.Equal(9, team.GetProperty("byState").GetProperty("signedOut").GetInt32());
        var agent2 = one.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "agent2");
        Assert.True(agent2.GetProperty("sinceSeconds").GetInt32() >= 0);

        var two = await WallboardAsync("supervisor2");
        Assert.DoesNotContain(two.GetProperty("agents").EnumerateArray(), a => a.GetProperty("agentId").GetString() == "agent2");
        Assert.Contains(two.GetProperty("agents").EnumerateArray(), a => a.GetProperty("agentId").GetString() == "agent12");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await desk.As("agent3")).GetAsync("/api/wallboard")).StatusCode);
    }

    [Fact]
    public async Task A_change_pushes_wallboardChanged_to_supervisors()
    {
        var cookie = string.Join("; ", await CookiesOf("supervisor1"));
        var got = Channel.CreateUnbounded<bool>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            }).Build();
        hub.On("wallboardChanged", () => got.Writer.TryWrite(true));
        await hub.StartAsync();
        await desk.ReadyAsync("agent3");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.True(await got.Reader.ReadAsync(timeout.Token));
    }

    async Task<string[]> CookiesOf(string user)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = user, password = AppHost.Password });
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToArray();
    }
}
