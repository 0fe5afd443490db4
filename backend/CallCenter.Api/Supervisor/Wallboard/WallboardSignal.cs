using System.Threading.Channels;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Supervisor.Wallboard;

/// <summary>
/// "wallboardChanged" to supervisors, admins and analysts when live calls, agent states or today's KPIs change
/// (projections poke it after commit). Pushes are coalesced: at most one per <see cref="Coalesce"/>; the SPA refetches
/// GET /api/wallboard, which scopes the agents to the caller's teams.
/// </summary>
public sealed class WallboardSignal(IHubContext<DesktopHub> hub, ILogger<WallboardSignal> log) : BackgroundService
{
    public const string Method = "wallboardChanged";
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);
    readonly Channel<bool> pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => pokes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await foreach (var _ in pokes.Reader.ReadAllAsync(ct))
        {
            try { await hub.Clients.Groups([DesktopHub.SupervisorsGroup, DesktopHub.AnalystsGroup]).SendAsync(Method, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "wallboardChanged push failed"); }
            await Task.Delay(Coalesce, ct); // rate limit: pokes meanwhile collapse into the next push
        }
    }
}
