using CallCenter.Calls.ScreenPops;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Tests.Calls.ScreenPops;

/// <summary>A rebuild or a history import replays old offers: only offers recorded within the last minute are pushed.</summary>
public class ScreenPopPusherTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    sealed class FixedClock : TimeProvider { public override DateTimeOffset GetUtcNow() => Now; }

    /// <summary>Records which groups were sent what.</summary>
    sealed class RecordingHub : IHubContext<DesktopHub>
    {
        public readonly List<(string Group, string Method, object? Arg)> Sent = [];
        public IHubClients Clients => new RecordingClients(this);
        public IGroupManager Groups => throw new NotSupportedException();
    }

    sealed class RecordingClients(RecordingHub hub) : IHubClients
    {
        public IClientProxy Group(string groupName) => new Proxy(hub, groupName);
        public IClientProxy All => throw new NotSupportedException();
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IClientProxy Client(string connectionId) => throw new NotSupportedException();
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();
        public IClientProxy User(string userId) => throw new NotSupportedException();
        public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

    }

    sealed class Proxy(RecordingHub hub, string group) : IClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken ct = default)
        {
            lock (hub.Sent) hub.Sent.Add((group, method, args.SingleOrDefault()));
            return Task.CompletedTask;
        }
    }

    static PopPush Offer(string callId, string agentId, TimeSpan ago) => new(
        new ScreenPopDto(callId, callId, agentId, "13900001111", null, [], PopMatches.None, [], null, null, [], []), Now - ago);

    [Fact]
    public async Task Only_recent_offers_are_pushed_each_to_its_agent()
    {
        var hub = new RecordingHub();
        await new ScreenPopPusher(hub, new FixedClock()).PushRecentAsync(
            [Offer("c-live", "agent1", TimeSpan.FromSeconds(2)), Offer("c-old", "agent2", TimeSpan.FromMinutes(5)), Offer("c-edge", "agent3", TimeSpan.FromSeconds(59))],
            CancellationToken.None);
        Assert.Equal([("user:agent1", "screenPop", "c-live"), ("user:agent3", "screenPop", "c-edge")],
            hub.Sent.Select(s => (s.Group, s.Method, ((ScreenPopDto)s.Arg!).CallId)).OrderBy(s => s.Group));
    }
}
