using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Calls.LiveCalls;

/// <summary>
/// Calls in progress (table live_calls: a row per call until it ends) and the `callChanged` push to every agent on
/// the call and to supervisors. Pushes only for events recorded in the last minute, so a rebuild or a history import
/// stays quiet.
/// </summary>
public sealed class LiveCallsProjection(TimeProvider clock) : IProjection
{
    public string Name => "live-calls";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix);
    static readonly TimeSpan LiveWindow = TimeSpan.FromMinutes(1);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await Agents.CurrentStates.AgentStateProjection.TableExistsAsync(db, "live_calls", ct);
        await db.Database.ExecuteSqlRawAsync("""
            create table if not exists live_calls (call_id text primary key, data jsonb not null, agents text[] not null);
            create index if not exists ix_live_calls_agents on live_calls using gin (agents);
            """, ct);
        return !existed;
    }

    public sealed record Change(LiveCall Call, string[] Agents);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var decoded = batch.Select(r => (Recorded: r, Event: CallStream.Decode(r.Type, r.Data))).Where(x => x.Event is not null).ToList();
        var ids = decoded.Select(x => x.Event!.CallId).Distinct().ToArray();
        var current = (await db.Database.SqlQuery<StoredCall>($"select call_id, data::text as data from live_calls where call_id = any({ids})")
            .ToListAsync(ct)).ToDictionary(c => c.CallId, c => JsonSerializer.Deserialize<LiveCall>(c.Data, Json.Options));
        var pushes = new List<Change>();
        var live = clock.GetUtcNow() - LiveWindow;
        foreach (var (recorded, e) in decoded)
        {
            var before = current.GetValueOrDefault(e!.CallId);
            var after = LiveCall.Evolve(before, e);
            if (after is null || after == before) continue;
            current[e.CallId] = after;
            if (recorded.Created >= live)
                pushes.Add(new Change(after, [.. (before?.Parties ?? []).Concat(after.Parties).Select(p => p.AgentId).Distinct()]));
        }
        foreach (var (id, call) in current)
        {
            if (call is null || !ids.Contains(id)) continue;
            if (call.Ended) await db.Database.ExecuteSqlAsync($"delete from live_calls where call_id = {id}", ct);
            else await db.Database.ExecuteSqlAsync($"""
                insert into live_calls (call_id, data, agents) values ({id}, {JsonSerializer.Serialize(call, Json.Options)}::jsonb, {call.Parties.Select(p => p.AgentId).ToArray()})
                on conflict (call_id) do update set data = excluded.data, agents = excluded.agents
                """, ct);
        }
        return pushes;
    }

    public async Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not List<Change> { Count: > 0 } changes) return;
        services.GetService<CallCenter.Supervisor.Wallboard.WallboardSignal>()?.Poke();
        var hub = services.GetRequiredService<IHubContext<DesktopHub>>();
        foreach (var change in changes)
            await hub.Clients.Groups([.. change.Agents.Select(DesktopHub.UserGroup), DesktopHub.SupervisorsGroup])
                .SendAsync("callChanged", change.Call, ct);
    }

    sealed record StoredCall(string CallId, string Data);
}
