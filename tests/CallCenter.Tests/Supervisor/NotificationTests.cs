using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using CallCenter.Tests.Infrastructure;
using CallCenter.Tests.Telephony;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Tests.Supervisor;

/// <summary>R-SUP-6: live notifications on the supervisor's desk (sign-in, sign-out, breaks), to the agent's team only.</summary>
public class NotificationTests : IAsyncLifetime
{
    AppHost app = null!;
    Desk desk = null!;
    public async Task InitializeAsync() { app = await AppHost.StartAsync(); desk = new Desk(app); }
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    async Task<(HubConnection Hub, Channel<JsonElement> Got)> ConnectAsync(string user)
    {
        var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = user, password = AppHost.Password });
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var got = Channel.CreateUnbounded<JsonElement>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            }).Build();
        hub.On<JsonElement>("supervisorNotification", n => got.Writer.TryWrite(n));
        await hub.StartAsync();
        return (hub, got);
    }

    static async Task<JsonElement> NextAsync(Channel<JsonElement> got, string kind, string agentId, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var n = await got.Reader.ReadAsync(timeout.Token);
            if (n.GetProperty("kind").GetString() == kind && n.GetProperty("agentId").GetString() == agentId) return n;
        }
    }

    [Fact]
    public async Task A_sign_out_reaches_the_teams_supervisor_within_one_second_and_not_another_team()
    {
        var (hub1, got1) = await ConnectAsync("supervisor1");
        var (hub2, got2) = await ConnectAsync("supervisor2");
        await using var _ = hub1;
        await using var __ = hub2;
        Desk.Ok(await desk.PostAsync("agent4", "/api/agents/agent4/sign-in"));
        var signedIn = await NextAsync(got1, "signedIn", "agent4", TimeSpan.FromSeconds(10)); // warm: the first push of a fresh host
        Assert.Equal("team-1", signedIn.GetProperty("teamId").GetString());
        Assert.False(string.IsNullOrEmpty(signedIn.GetProperty("name").GetString()));

        var clock = Stopwatch.StartNew();
        Desk.Ok(await desk.PostAsync("agent4", "/api/agents/agent4/sign-out"));
        await NextAsync(got1, "signedOut", "agent4", TimeSpan.FromSeconds(5));
        var elapsed = clock.Elapsed;
        Console.WriteLine($"sign-out → supervisor notification: {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:F0} ms");

        // supervisor2 (team-2) hears about agent12, never about agent4
        Desk.Ok(await desk.PostAsync("agent12", "/api/agents/agent12/sign-in"));
        var first = await got2.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal("agent12", first.GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task Break_requested_started_and_ended_are_notified()
    {
        var (hub, got) = await ConnectAsync("supervisor1");
        await using var _ = hub;
        await desk.ReadyAsync("agent6");
        var r = await desk.PostAsync("agent6", "/api/agents/agent6/break-requests", new { reasonCode = "break" }); // no approval: granted at once
        Assert.Equal(System.Net.HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("break", (await NextAsync(got, "breakRequested", "agent6", TimeSpan.FromSeconds(10))).GetProperty("reasonCode").GetString());
        try { await NextAsync(got, "breakStarted", "agent6", TimeSpan.FromSeconds(20)); }
        catch (OperationCanceledException)
        {
            Console.WriteLine("streams when breakStarted was missing: " + string.Join(",", (await desk.RecordedAsync("breaks-team-1")).Select(e => e.Type)) + " | " + string.Join(",", (await desk.RecordedAsync("agent-agent6")).Select(e => e.Type)));
            throw;
        }
        Desk.Ok(await desk.PostAsync("agent6", "/api/agents/agent6/ready"));
        await NextAsync(got, "breakEnded", "agent6", TimeSpan.FromSeconds(20));
    }
}
