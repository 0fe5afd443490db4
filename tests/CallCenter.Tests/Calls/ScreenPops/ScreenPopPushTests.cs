using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using CallCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>The "screenPop" push reaches the agent the call rings at, again on a transfer (R-POP-6), and a consult call carries the customer call's pop.</summary>
public class ScreenPopPushTests : IAsyncLifetime
{
    ScreenPopKit kit = null!;
    public async Task InitializeAsync() => kit = new ScreenPopKit(await AppHost.StartAsync());
    public Task DisposeAsync() { kit.App.Dispose(); return Task.CompletedTask; }

    static readonly DateTimeOffset T0 = new(2026, 11, 21, 16, 0, 0, TimeSpan.FromHours(8));

    async Task<(HubConnection Hub, Channel<JsonElement> Pops)> ConnectAsync(string user)
    {
        var login = await kit.App.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = user, password = AppHost.Password });
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var pops = Channel.CreateUnbounded<JsonElement>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(kit.App.Server.BaseAddress, "/hubs/desktop"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => kit.App.Server.CreateHandler();
                o.Headers.Add("Cookie", cookie);
            })
            .Build();
        hub.On<JsonElement>("screenPop", p => pops.Writer.TryWrite(p));
        await hub.StartAsync();
        return (hub, pops);
    }

    static async Task<JsonElement> NextAsync(Channel<JsonElement> pops)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await pops.Reader.ReadAsync(timeout.Token);
    }

    [Fact]
    public async Task The_pop_follows_the_call_to_each_agent_it_is_offered_to()
    {
        var phone = (await kit.PhonesAsync(shared: false, 1))[0];
        var (firstHub, firstGot) = await ConnectAsync("agent3");
        var (secondHub, secondGot) = await ConnectAsync("agent4");

        await kit.PostAsync(ScreenPopKit.Ev("CallArrived", "push-1", T0, ani: phone), ScreenPopKit.Ev("CallOffered", "push-1", T0.AddSeconds(6), "agent3"));
        var atFirst = await NextAsync(firstGot);
        Assert.Equal(("push-1", "agent3", "single", phone), (atFirst.GetProperty("callId").GetString(), atFirst.GetProperty("agentId").GetString(),
            atFirst.GetProperty("match").GetString(), atFirst.GetProperty("ani").GetString()));

        await kit.PostAsync(ScreenPopKit.Ev("CallAnswered", "push-1", T0.AddSeconds(9), "agent3"),
            ScreenPopKit.Ev("CallTransferred", "push-1", T0.AddSeconds(60), "agent3", targetAgentId: "agent4"),
            ScreenPopKit.Ev("CallOffered", "push-1", T0.AddSeconds(61), "agent4"));
        var atSecond = await NextAsync(secondGot);
        Assert.Equal(("push-1", "agent4"), (atSecond.GetProperty("callId").GetString(), atSecond.GetProperty("agentId").GetString()));
        Assert.Equal(atFirst.GetProperty("customer").GetRawText(), atSecond.GetProperty("customer").GetRawText());
        var second = await kit.App.SignInAsync("agent4");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/calls/push-1/screen-pop")).StatusCode); // the new agent may read it now

        // An internal call has no pop; a consult call about push-2 carries push-2's pop to the consulted agent.
        await kit.PostAsync(ScreenPopKit.Ev("CallDialed", "push-int", T0.AddSeconds(70), "agent3", kind: "internal", targetAgentId: "agent4"),
            ScreenPopKit.Ev("CallOffered", "push-int", T0.AddSeconds(71), "agent4", @internal: true));
        await kit.PostAsync(ScreenPopKit.Ev("CallArrived", "push-2", T0.AddSeconds(80), ani: phone), ScreenPopKit.Ev("CallOffered", "push-2", T0.AddSeconds(82), "agent3"),
            ScreenPopKit.Ev("CallAnswered", "push-2", T0.AddSeconds(84), "agent3"));
        var customerCall = await NextAsync(firstGot);
        Assert.Equal("push-2", customerCall.GetProperty("callId").GetString());
        Assert.Equal(["push-1"], ScreenPopKit.Strings(customerCall.GetProperty("recentCalls"), "callId"));
        await kit.PostAsync(ScreenPopKit.Ev("CallDialed", "push-consult", T0.AddSeconds(90), "agent3", kind: "consult", consultFor: "push-2", targetAgentId: "agent4"),
            ScreenPopKit.Ev("CallOffered", "push-consult", T0.AddSeconds(91), "agent4", @internal: true));
        var consult = await NextAsync(secondGot);
        Assert.Equal(("push-consult", "push-2", "agent4", phone), (consult.GetProperty("callId").GetString(), consult.GetProperty("aboutCallId").GetString(),
            consult.GetProperty("agentId").GetString(), consult.GetProperty("ani").GetString()));
        Assert.Equal(customerCall.GetProperty("recentCalls").GetRawText(), consult.GetProperty("recentCalls").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync("/api/calls/push-int/screen-pop")).StatusCode);
        Assert.False(firstGot.Reader.TryRead(out _)); // agent3 was sent nothing about the transfer or the consult

        await Task.WhenAll(firstHub.DisposeAsync().AsTask(), secondHub.DisposeAsync().AsTask());
    }
}
