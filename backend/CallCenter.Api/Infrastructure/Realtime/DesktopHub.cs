using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Infrastructure.Realtime;

/// <summary>
/// The desktop's one SignalR connection. Each user joins its own group; supervisors and admins
/// also join the supervisors' group; analysts, supervisors and admins the analysts' group. The server only pushes; clients act through REST.
/// </summary>
[Authorize]
public sealed class DesktopHub : Hub
{
    public const string Path = "/hubs/desktop";
    public static string UserGroup(string userId) => "user:" + userId;
    public const string SupervisorsGroup = "supervisors";
    /// <summary>Who reads projections and reports (Policies.Analyze): rebuild progress goes there.</summary>
    public const string AnalystsGroup = "analysts";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(user.Identity!.Name!));
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
            await Groups.AddToGroupAsync(Context.ConnectionId, SupervisorsGroup);
        if (user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
            await Groups.AddToGroupAsync(Context.ConnectionId, AnalystsGroup);
        await base.OnConnectedAsync();
    }
}

/// <summary>Typed pushes to the desktop (fed from projections, never from command handlers).</summary>
public sealed class DesktopPush(IHubContext<DesktopHub> hub, TimeProvider clock)
{
    /// <summary>Only events recorded within the last minute are pushed: a rebuild or a history import replays old ones, and nobody waits for those.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(60);

    public bool IsFresh(DateTimeOffset recorded) => recorded >= clock.GetUtcNow() - Fresh;

    /// <summary>"workOrdersChanged" with the ids, to everyone signed in: lists and pops refetch what they show.</summary>
    public Task WorkOrdersChangedAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask : hub.Clients.All.SendAsync("workOrdersChanged", ids, ct);

    /// <summary>"alarmChanged" (R-ALARM-2) to everyone signed in: the banner follows within a second.</summary>
    public Task AlarmChangedAsync(object alarm, CancellationToken ct) => hub.Clients.All.SendAsync("alarmChanged", alarm, ct);

    public Task AgentStateChangedAsync(AgentStateDto state, CancellationToken ct) =>
        hub.Clients.Groups(DesktopHub.UserGroup(state.AgentId), DesktopHub.SupervisorsGroup)
            .SendAsync("agentStateChanged", state, ct);
}
