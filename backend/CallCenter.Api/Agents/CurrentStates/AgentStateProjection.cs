using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Agents.CurrentStates;

/// <summary>
/// Folds every agent stream into <c>agent_states</c> in event time and pushes each change to that agent and to supervisors.
/// An event older than the latest one folded (it arrived late) refolds that agent's stream up to it in event time
/// (decision 0012), so the row never depends on the order in which events were stored.
/// </summary>
public sealed class AgentStateProjection(IEventStore store) : IProjection
{
    public string Name => "agent-states";
    public EventFilter Filter { get; } = EventFilter.Streams(AgentStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await TableExistsAsync(db, AgentStateRow.Table, ct);
        await db.Database.ExecuteSqlRawAsync(AgentStateRow.Ddl, ct); // also adds columns newer than the table
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        // Each agent's state is read and written once per batch, folded in memory in between (a rebuild's batches are large).
        var changed = new Dictionary<string, (AgentStateRow Row, Agent State, RecordedEvent Last)>();
        var late = new HashSet<string>();
        foreach (var recorded in batch)
        {
            if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            if (!changed.TryGetValue(e.AgentId, out var current))
            {
                var row = await db.AgentStates.FindAsync([e.AgentId], ct);
                if (row is null)
                {
                    row = new AgentStateRow { AgentId = e.AgentId, State = AgentStatus.SignedOut };
                    db.AgentStates.Add(row);
                }
                else row.ChangedBy = AgentStateRow.ChangedByIn(row.StateJson);
                current = (row, AgentStateRow.Fold(row), recorded);
            }
            if (current.State.IsLate(e)) late.Add(e.AgentId);
            if (SetsState(e)) current.Row.ChangedBy = ForcedBy(e, recorded);
            changed[e.AgentId] = (current.Row, late.Contains(e.AgentId) ? current.State : AgentStream.Evolve(current.State, e), recorded);
        }
        foreach (var agentId in late)
        {
            var (row, _, last) = changed[agentId];
            var (state, _) = await EventTimeLoader.LoadAsync<AgentStream, Agent, AgentEvent>(store, agentId, ct, maxRevision: last.StreamRevision);
            changed[agentId] = (row, state, last);
        }
        foreach (var (row, next, recorded) in changed.Values)
        {
            row.State = next.Status;
            row.ReasonCode = next.ReasonCode;
            row.Since = next.Since?.ToUniversalTime(); // timestamptz holds UTC; events keep the PBX's offset
            row.Extension = next.Extension;
            row.SkillGroups = next.SkillGroups;
            row.CurrentCallId = next.CurrentCallId;
            row.UntaggedCallId = next.UntaggedCallId;
            row.LastTaggedCallId = next.LastTaggedCallId;
            row.StateJson = AgentStateRow.Serialize(next, row.ChangedBy);
            row.Revision = recorded.StreamRevision;
            row.Position = (long)recorded.Position;
        }
        return changed.Values.Select(c => c.Row).ToList();
    }

    public async Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not List<AgentStateRow> rows || rows.Count == 0) return;
        services.GetService<CallCenter.Supervisor.Wallboard.WallboardSignal>()?.Poke();
        var directory = services.GetRequiredService<UserDirectory>();
        var desktop = services.GetRequiredService<DesktopPush>();
        foreach (var row in rows)
            await desktop.AgentStateChangedAsync(AgentStateDto.From(row, row.AgentId, await directory.NameOfAsync(row.AgentId, ct)), ct);
    }

    /// <summary>The events that set the agent's state (not call legs, tags or settings).</summary>
    static bool SetsState(AgentEvent e) => e is AgentSignedIn or AgentBecameReady or AgentBecameNotReady or AgentStartedWrapUp or AgentEndedWrapUp or AgentSignedOut;

    /// <summary>R-SUP-5: a supervisor or admin acting for the agent (the event's actor is someone else, from the desk).</summary>
    static string? ForcedBy(AgentEvent e, RecordedEvent recorded) =>
        EventMetadata.FromJson(recorded.Metadata) is { } m && m.Actor != e.AgentId
        && m.Source is EventMetadata.Sources.Supervisor or EventMetadata.Sources.Admin ? m.Actor : null;

    internal static async Task<bool> TableExistsAsync(ReadModelDb db, string table, CancellationToken ct) =>
        await db.Database.SqlQuery<bool>($"select to_regclass({table}) is not null as \"Value\"").SingleAsync(ct);
}
