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
/// A call's events may be stored in any order (issue 12): each call's events so far are kept in `live_call_events` and the
/// row is their fold in event time (ties in arrival order), so an end stored before the answer still ends the call. An ended
/// call is remembered as ended (its later events change nothing) until the latest event time seen is 24 hours past the
/// call's own latest event; then it is forgotten, and so is a call that never ended (the rule of docs/kpis.md, event time
/// only).
/// </summary>
public sealed class LiveCallsProjection(TimeProvider clock) : IProjection
{
    public string Name => "live-calls";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix);
    static readonly TimeSpan LiveWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Forget = TimeSpan.FromHours(24);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await Agents.CurrentStates.AgentStateProjection.TableExistsAsync(db, "live_call_events", ct);
        await db.Database.ExecuteSqlRawAsync("""
            create table if not exists live_calls (call_id text primary key, data jsonb not null, agents text[] not null);
            create index if not exists ix_live_calls_agents on live_calls using gin (agents);
            create table if not exists live_call_events (call_id text primary key, events jsonb not null, ended boolean not null, latest_at timestamptz not null);
            create index if not exists ix_live_call_events_latest on live_call_events (latest_at);
            """, ct);
        return !existed; // a database from before live_call_events: rebuild
    }

    /// <param name="AgentsSee">Whether the agents' view changed (a silent monitor joining changes only the supervisors').</param>
    public sealed record Change(LiveCall Call, string[] Agents, bool AgentsSee = true);
    sealed record Buffered(string T, JsonElement D);

    /// <summary>Events that change nothing a live call shows: not kept.</summary>
    static bool Shown(CallEvent e) => e is not (CallTagged or SurveyCompleted or RecordingReady);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var decoded = batch.Select(r => (Recorded: r, Event: CallStream.Decode(r.Type, r.Data))).Where(x => x.Event is { } e && Shown(e)).ToList();
        if (decoded.Count == 0) return null;
        var ids = decoded.Select(x => x.Event!.CallId).Distinct().ToArray();
        var current = (await db.Database.SqlQuery<StoredCall>($"select call_id, data::text as data from live_calls where call_id = any({ids})")
            .ToListAsync(ct)).ToDictionary(c => c.CallId, c => JsonSerializer.Deserialize<LiveCall>(c.Data, Json.Options));
        var buffers = (await db.Database.SqlQuery<StoredEvents>($"select call_id, events::text as events, ended from live_call_events where call_id = any({ids})")
            .ToListAsync(ct)).ToDictionary(b => b.CallId);
        var pushes = new List<Change>();
        var live = clock.GetUtcNow() - LiveWindow;
        foreach (var group in decoded.GroupBy(x => x.Event!.CallId))
        {
            var id = group.Key;
            var stored = buffers.GetValueOrDefault(id);
            if (stored?.Ended == true) continue; // a closed call's later events change nothing
            var events = (stored is null ? [] : JsonSerializer.Deserialize<List<Buffered>>(stored.Events, Json.Options)!)
                .Concat(group.Select(x => new Buffered(x.Recorded.Type, JsonSerializer.Deserialize<JsonElement>(x.Recorded.Data.Span)))).ToList();
            var folded = CallStream.InEventTime(events.Select(b => CallStream.Decode(b.T, System.Text.Encoding.UTF8.GetBytes(b.D.GetRawText()))!), e => e)
                .ToList();
            var before = current.GetValueOrDefault(id);
            var after = folded.Aggregate((LiveCall?)null, LiveCall.Evolve);
            var latest = folded.Max(e => e.At);
            if (after?.Ended == true)
            {
                await db.Database.ExecuteSqlAsync($"delete from live_calls where call_id = {id}", ct);
                await SaveAsync(db, id, "[]", ended: true, latest, ct);
            }
            else
            {
                if (after is not null && after != before)
                    await db.Database.ExecuteSqlAsync($"""
                        insert into live_calls (call_id, data, agents) values ({id}, {JsonSerializer.Serialize(after, Json.Options)}::jsonb, {after.Parties.Select(p => p.AgentId).ToArray()})
                        on conflict (call_id) do update set data = excluded.data, agents = excluded.agents
                        """, ct);
                await SaveAsync(db, id, JsonSerializer.Serialize(events, Json.Options), ended: false, latest, ct);
            }
            if (after is not null && after != before && group.Max(x => x.Recorded.Created) >= live)
                pushes.Add(new Change(after, [.. (before?.Parties ?? []).Concat(after.Parties).Select(p => p.AgentId).Distinct()],
                    before is null || JsonSerializer.Serialize(before.ForAgents(), Json.Options) != JsonSerializer.Serialize(after.ForAgents(), Json.Options)));
        }
        // Forget what is 24 hours behind the latest event time seen (event time, never the wall clock).
        await db.Database.ExecuteSqlRawAsync("""
            with horizon as (select max(latest_at) - interval '24 hours' as at from live_call_events),
                 gone as (delete from live_call_events where latest_at < (select at from horizon) returning call_id)
            delete from live_calls where call_id in (select call_id from gone)
            """, ct);
        return pushes;
    }

    static Task SaveAsync(ReadModelDb db, string id, string events, bool ended, DateTimeOffset latest, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            insert into live_call_events (call_id, events, ended, latest_at) values ({id}, {events}::jsonb, {ended}, {latest.ToUniversalTime()})
            on conflict (call_id) do update set events = excluded.events, ended = excluded.ended, latest_at = greatest(live_call_events.latest_at, excluded.latest_at)
            """, ct);

    public async Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct)
    {
        if (applied is not List<Change> { Count: > 0 } changes) return;
        services.GetService<CallCenter.Supervisor.Wallboard.WallboardSignal>()?.Poke();
        var hub = services.GetRequiredService<IHubContext<DesktopHub>>();
        foreach (var change in changes)
        {
            await hub.Clients.Group(DesktopHub.SupervisorsGroup).SendAsync("callChanged", change.Call, ct);
            if (change.AgentsSee) // the agents' own view: never a silent monitor (R-SUP-1)
                await hub.Clients.Groups([.. change.Agents.Select(DesktopHub.UserGroup)]).SendAsync("callChanged", change.Call.ForAgents(), ct);
        }
    }

    sealed record StoredCall(string CallId, string Data);
    sealed record StoredEvents(string CallId, string Events, bool Ended);
}
