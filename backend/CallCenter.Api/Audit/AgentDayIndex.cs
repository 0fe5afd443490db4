using CallCenter.Agents;
using CallCenter.Agents.CurrentStates;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Audit;

/// <summary>
/// Where each agent's UTC day starts and ends in the agent's stream (R-USE-3): the first and last revision of the
/// events whose event time falls in that UTC day. Only a pointer into the event store, so the audit replay reads a
/// center day's events without reading the stream from its start; rebuilt from position 0 by dropping the table.
/// UTC days, not the center's: the center's zone may change (decision 0008), the index stays true.
/// </summary>
public sealed class AgentDayIndex : IProjection
{
    public const string Table = "audit_agent_utc_days";
    const string Ddl = """
        create table if not exists audit_agent_utc_days (
            agent_id text not null,
            utc_day date not null,
            first_revision bigint not null,
            last_revision bigint not null,
            primary key (agent_id, utc_day));
        drop table if exists audit_agent_days;
        """;
    const string Upsert = """
        insert into audit_agent_utc_days (agent_id, utc_day, first_revision, last_revision)
        select * from unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[])
        on conflict (agent_id, utc_day) do update set
            first_revision = least(audit_agent_utc_days.first_revision, excluded.first_revision),
            last_revision = greatest(audit_agent_utc_days.last_revision, excluded.last_revision)
        """;

    public static DateOnly UtcDay(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public string Name => "audit-agent-days";
    public EventFilter Filter { get; } = EventFilter.Streams(AgentStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await AgentStateProjection.TableExistsAsync(db, Table, ct);
        await db.Database.ExecuteSqlRawAsync(Ddl, ct);
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var days = new Dictionary<(string Agent, DateOnly Day), (long First, long Last)>();
        foreach (var recorded in batch)
        {
            if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            var key = (recorded.StreamId[AgentStream.Prefix.Length..], UtcDay(e.At));
            var r = recorded.StreamRevision;
            days[key] = days.TryGetValue(key, out var seen) ? (Math.Min(seen.First, r), Math.Max(seen.Last, r)) : (r, r);
        }
        if (days.Count == 0) return null;
        await using var command = new NpgsqlCommand(Upsert, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. days.Keys.Select(k => k.Agent)] });
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date, TypedValue = [.. days.Keys.Select(k => k.Day)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = [.. days.Values.Select(v => v.First)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = [.. days.Values.Select(v => v.Last)] });
        await command.ExecuteNonQueryAsync(ct);
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
