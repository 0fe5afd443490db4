using CallCenter.Agents;
using CallCenter.Agents.Breaks;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Supervisor.Notifications;

/// <summary>One live notification on the supervisor's desk (R-SUP-6).</summary>
public sealed record SupervisorNotification(string Id, string Kind, string AgentId, string Name, string? TeamId, string? ReasonCode, DateTimeOffset At)
{
    /// <summary>Kind "threshold": which (talk, hold, wrapUp, notReady, waiting), its limit (seconds, or calls), the calls waiting.</summary>
    public string? Threshold { get; init; }
    public int? LimitSeconds { get; init; }
    public int? Count { get; init; }
}

/// <summary>
/// R-SUP-6: sign-in, sign-out, break requested, started and ended, pushed as "supervisorNotification" to the supervisors of the
/// agent's team and to admins, only for events recorded in the last minute (a rebuild or import stays quiet). Keeps no table.
/// </summary>
public sealed class SupervisorNotifications(IEventStore store, TeamScope teams, TimeProvider clock) : IReactor
{
    public const string Method = "supervisorNotification";
    public string Name => "supervisor-notifications";
    public EventFilter Filter { get; } = EventFilter.Streams(AgentStream.Prefix, TeamBreaksStream.Prefix);

    public Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct) => Task.FromResult(false);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var fresh = clock.GetUtcNow() - DesktopPush.Fresh;
        var notes = new List<SupervisorNotification>();
        TeamBreaks? breaks = null;
        foreach (var r in batch.Where(r => r.Created >= fresh))
        {
            var id = r.EventId.ToString("N");
            if (r.StreamId.StartsWith(AgentStream.Prefix, StringComparison.Ordinal))
            {
                var kind = AgentStream.Decode(r.Type, r.Data) switch { AgentSignedIn => "signedIn", AgentSignedOut => "signedOut", _ => null };
                if (kind is not null && AgentStream.Decode(r.Type, r.Data) is { } e)
                    notes.Add(new(id, kind, e.AgentId, "", (await teams.GetAsync(ct)).TeamOf(e.AgentId), null, e.At));
                continue;
            }
            if (TeamBreaksStream.Decode(r.Type, r.Data) is not { } b) continue;
            var kindOf = b switch { BreakRequested => "breakRequested", BreakStarted => "breakStarted", BreakEnded => "breakEnded", _ => null };
            if (kindOf is null) continue;
            breaks = b is BreakRequested ? null : breaks; // a request changes the stream's list: read it again when needed
            var request = b is BreakRequested q ? new BreakRequest(q.RequestId, q.AgentId, q.ReasonCode, BreakStates.Pending, q.At) : null;
            if (request is null)
            {
                breaks ??= await LoadAsync(b.TeamId, ct);
                request = breaks.Find(b.RequestId);
            }
            if (request is not null) notes.Add(new(id, kindOf, request.AgentId, "", b.TeamId == BreakDesk.NoTeam ? null : b.TeamId, request.ReasonCode, b.At));
        }
        return notes;
    }

    /// <summary>The team's breaks, read from the store (the request a BreakStarted/BreakEnded is about).</summary>
    async Task<TeamBreaks> LoadAsync(string teamId, CancellationToken ct)
    {
        var state = TeamBreaksStream.Initial;
        await foreach (var e in store.ReadStreamAsync(TeamBreaksStream.StreamId(teamId), ct: ct))
            if (TeamBreaksStream.Decode(e.Type, e.Data) is { } decoded) state = TeamBreaksStream.Evolve(state, decoded);
        return state;
    }

    public async Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not List<SupervisorNotification> { Count: > 0 } notes) return;
        var hub = services.GetRequiredService<IHubContext<DesktopHub>>();
        var users = services.GetRequiredService<UserDirectory>();
        foreach (var n in notes)
        {
            string[] groups = n.TeamId is null ? [DesktopHub.AllAgentsGroup] : [DesktopHub.AllAgentsGroup, DesktopHub.TeamGroup(n.TeamId)];
            await hub.Clients.Groups(groups).SendAsync(Method, n with { Name = await users.NameOfAsync(n.AgentId, ct) }, ct);
        }
    }
}
