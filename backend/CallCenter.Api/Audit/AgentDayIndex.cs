using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Audit;

/// <summary>
/// Where each agent's day starts and ends in the agent's stream (agent_days: first and last revision per center day),
/// so that a replay reads only that day's events from the store instead of the agent's whole history.
/// The replay itself never reads a read model's rows as the truth: only this index, to know where to start reading.
/// </summary>
public sealed class AgentDayIndex : IProjection
{
    public const string Table = "agent_days";
    public string Name => "agent-days";
    public EventFilter Filter { get; } = EventFilter.Streams(AgentStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await Agents.CurrentStates.AgentStateProjection.TableExistsAsync(db, Table, ct);
        await db.Database.ExecuteSqlRawAsync("""
            create table if not exists agent_days (agent_id text not null, day date not null, first_revision bigint not null,
              last_revision bigint not null, primary key (agent_id, day))
            """, ct);
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var days = new Dictionary<(string Agent, DateOnly Day), (long First, long Last)>();
        foreach (var recorded in batch)
        {
            if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            var key = (e.AgentId, CenterTime.DayOf(e.At));
            days[key] = days.TryGetValue(key, out var r) ? (Math.Min(r.First, recorded.StreamRevision), Math.Max(r.Last, recorded.StreamRevision))
                : (recorded.StreamRevision, recorded.StreamRevision);
        }
        if (days.Count == 0) return null;
        await Sql.ExecAsync((NpgsqlConnection)db.Database.GetDbConnection(), """
            insert into agent_days select * from unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[])
            on conflict (agent_id, day) do update set first_revision = least(agent_days.first_revision, excluded.first_revision),
              last_revision = greatest(agent_days.last_revision, excluded.last_revision)
            """, ct, days.Keys.Select(k => k.Agent).ToArray(), days.Keys.Select(k => k.Day).ToArray(),
            days.Values.Select(v => v.First).ToArray(), days.Values.Select(v => v.Last).ToArray());
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
