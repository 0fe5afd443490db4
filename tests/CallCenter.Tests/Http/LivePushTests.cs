using System.Net.Http.Json;
using System.Threading.Channels;
using CallCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Tests.Http;

/// <summary>SignalR pushes every state change to the agent's desktop and to supervisors, and to no other agent.</summary>
public class LivePushTests : IAsyncLifetime
{
    AppHost app = null!;
    public async Task InitializeAsync() => app = await AppHost.StartAsync();
    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    public sealed record Pushed(string AgentId, string State, string? ReasonCode, long Revision);

    async Task<(HubConnection hub, Channel<Pushed> received)> ConnectAsync(string user)
    {
        var cookie = string.Join("; ", await CookiesOf(user));
        var received = Channel.CreateUnbounded<Pushed>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            })
            .Build();
        hub.On<Pushed>("agentStateChanged", p => received.Writer.TryWrite(p));
        await hub.StartAsync();
        return (hub, received);
    }

    async Task<string[]> CookiesOf(string user)
    {
        var raw = app.Anonymous();
        var response = await raw.PostAsJsonAsync("/api/auth/login", new { username = user, password = AppHost.Password });
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToArray();
    }

    [Fact]
    public async Task Agent_and_supervisor_receive_the_change_other_agents_do_not()
    {
        var (supervisorHub, supervisorGot) = await ConnectAsync("supervisor1");
        var (agentHub, agentGot) = await ConnectAsync("agent8");
        var (otherHub, otherGot) = await ConnectAsync("agent9");

        var agent = await app.SignInAsync("agent8");
        await agent.PostAsync("/api/agents/agent8/sign-in", null);
        await agent.PostAsync("/api/agents/agent8/ready", null);

        async Task<Pushed> NextReady(Channel<Pushed> ch)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var p = await ch.Reader.ReadAsync(timeout.Token);
                if (p.State == "ready") return p;
            }
        }
        var atSupervisor = await NextReady(supervisorGot);
        var atAgent = await NextReady(agentGot);
        Assert.Equal(("agent8", 1L), (atSupervisor.AgentId, atSupervisor.Revision));
        Assert.Equal(("agent8", 1L), (atAgent.AgentId, atAgent.Revision));
        // agent9's first push is about agent9 itself: it was never sent agent8's change.
        var agent9 = await app.SignInAsync("agent9");
        await agent9.PostAsync("/api/agents/agent9/sign-in", null);
        await agent9.PostAsync("/api/agents/agent9/ready", null);
        var first = await otherGot.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal("agent9", first.AgentId);

        await Task.WhenAll(supervisorHub.DisposeAsync().AsTask(), agentHub.DisposeAsync().AsTask(), otherHub.DisposeAsync().AsTask());
    }

    public sealed record Settings(string CenterTitle, string TimeZone);

    [Fact]
    public async Task A_new_center_title_reaches_every_open_desktop_without_a_reload()
    {
        var cookie = string.Join("; ", await CookiesOf("agent3"));
        var received = Channel.CreateUnbounded<Settings>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            })
            .Build();
        hub.On<Settings>("settingsChanged", p => received.Writer.TryWrite(p));
        await hub.StartAsync();

        var admin = await app.SignInAsync("admin");
        (await admin.PutAsJsonAsync("/api/settings", new { centerTitle = "96123 服务热线" })).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pushed = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal("96123 服务热线", pushed.CenterTitle);
        Assert.False(string.IsNullOrEmpty(pushed.TimeZone));
    }
}
