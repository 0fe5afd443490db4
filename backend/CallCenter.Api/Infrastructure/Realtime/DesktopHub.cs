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
public sealed class DesktopHub(TeamScope teams) : Hub
{
    public const string Path = "/hubs/desktop";
    public static string UserGroup(string userId) => "user:" + userId;
    public const string SupervisorsGroup = "supervisors";
    /// <summary>Who reads projections and reports (Policies.Analyze): rebuild progress goes there.</summary>
    public const string AnalystsGroup = "analysts";
    /// <summary>Who sees every agent's state (admins); a supervisor joins <see cref="TeamGroup"/> of each team they supervise (R-ROLE-2).</summary>
    public const string AllAgentsGroup = "all-agents";
    public static string TeamGroup(string teamId) => "team:" + teamId;

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(user.Identity!.Name!));
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
            await Groups.AddToGroupAsync(Context.ConnectionId, SupervisorsGroup);
        if (user.IsInRole(Roles.Admin))
            await Groups.AddToGroupAsync(Context.ConnectionId, AllAgentsGroup);
        else if (user.IsInRole(Roles.Supervisor))
            foreach (var team in (await teams.GetAsync(Context.ConnectionAborted)).TeamsSupervisedBy(user.Identity!.Name!))
                await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(team));
        if (user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
            await Groups.AddToGroupAsync(Context.ConnectionId, AnalystsGroup);
        await base.OnConnectedAsync();
    }
}

/// <summary>Typed pushes to the desktop (fed from projections, never from command handlers).</summary>
public sealed class DesktopPush(IHubContext<DesktopHub> hub, TimeProvider clock, TeamScope teams)
{
    /// <summary>Only events recorded within the last minute are pushed: a rebuild or a history import replays old ones, and nobody waits for those.</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(60);

    public bool IsFresh(DateTimeOffset recorded) => recorded >= clock.GetUtcNow() - Fresh;

    /// <summary>"workOrdersChanged" with the ids, to everyone signed in: lists and pops refetch what they show.</summary>
    public Task WorkOrdersChangedAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask : hub.Clients.All.SendAsync("workOrdersChanged", ids, ct);

    /// <summary>"alarmChanged" (R-ALARM-2) to everyone signed in: the banner follows within a second.</summary>
    public Task AlarmChangedAsync(object alarm, CancellationToken ct) => hub.Clients.All.SendAsync("alarmChanged", alarm, ct);

    /// <summary>"settingsChanged" with the public settings (title, logo, time zone), to every open desktop: no reload needed.</summary>
    public Task SettingsChangedAsync(object publicSettings, CancellationToken ct) => hub.Clients.All.SendAsync("settingsChanged", publicSettings, ct);

    /// <summary>To the agent, admins, and the supervisors of the agent's team.</summary>
    public async Task AgentStateChangedAsync(AgentStateDto state, CancellationToken ct)
    {
        var team = (await teams.GetAsync(ct)).TeamOf(state.AgentId);
        string[] groups = team is null
            ? [DesktopHub.UserGroup(state.AgentId), DesktopHub.AllAgentsGroup]
            : [DesktopHub.UserGroup(state.AgentId), DesktopHub.AllAgentsGroup, DesktopHub.TeamGroup(team)];
        await hub.Clients.Groups(groups).SendAsync("agentStateChanged", state, ct);
    }
}
