using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Calls.ScreenPops;

/// <summary>A pop to push, with when its event was recorded.</summary>
public sealed record PopPush(ScreenPopDto Pop, DateTimeOffset Recorded);

/// <summary>
/// "screenPop" to the agent the call rings at. Only for events recorded within the last minute: a rebuild or a history
/// import replays old offers, and nobody is waiting for those.
/// </summary>
public sealed class ScreenPopPusher(IHubContext<DesktopHub> hub, TimeProvider clock)
{
    public const string Message = "screenPop";
    public static readonly TimeSpan Fresh = DesktopPush.Fresh;

    public Task PushRecentAsync(IEnumerable<PopPush> pushes, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Fresh;
        return Task.WhenAll(pushes.Where(p => p.Recorded >= since && p.Pop.AgentId is not null)
            .Select(p => hub.Clients.Group(DesktopHub.UserGroup(p.Pop.AgentId!)).SendAsync(Message, p.Pop, ct)));
    }
}
