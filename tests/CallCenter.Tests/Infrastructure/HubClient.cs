using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Tests.Infrastructure;

/// <summary>A signed-in user's SignalR connection to the desktop hub, collecting one push's messages in order.</summary>
public static class HubClient
{
    public static async Task<(HubConnection Hub, Channel<JsonElement> Got)> ConnectAsync(AppHost app, string user, string message)
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
        hub.On<JsonElement>(message, n => got.Writer.TryWrite(n));
        await hub.StartAsync();
        return (hub, got);
    }

    /// <summary>The next message that matches, within a bound (skipping others).</summary>
    public static async Task<JsonElement> NextAsync(Channel<JsonElement> got, Func<JsonElement, bool> match, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var n = await got.Reader.ReadAsync(timeout.Token);
            if (match(n)) return n;
        }
    }
}
