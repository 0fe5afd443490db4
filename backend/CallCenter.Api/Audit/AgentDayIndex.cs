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
/// Where each agent's UTC hour starts and ends in the agent's stream (R-USE-3): the first and last revision of the
/// events whose event time falls in that hour. Only a pointer into the event store, so the audit replay reads a
/// center day's events without reading the stream from its start; rebuilt from position 0 by dropping the table.
/// UTC hours, not the center's days: the center's zone may change (decision 0008), the index stays true, and a
/// center day starts at most 45 minutes into a UTC hour (zone offsets are multiples of 15 minutes).
/// </summary>
public sealed class AgentDayIndex : IProjection
{
    public const string Table = "audit_agent_hours";
    const string Ddl = """
        create table if not exists audit_agent_hours (
            agent_id text not null,
            utc_hour timestamptz not null,
            first_revision bigint not null,
            last_revision bigint not null,
            primary key (agent_id, utc_hour));
        drop table if exists audit_agent_days;
        """;
    const string Upsert = """
        insert into audit_agent_hours (agent_id, utc_hour, first_revision, last_revision)
        select * from unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::bigint[])
        on conflict (agent_id, utc_hour) do update set
            first_revision = least(audit_agent_hours.first_revision, excluded.first_revision),
            last_revision = greatest(audit_agent_hours.last_revision, excluded.last_revision)
        """;

    /// <summary>The start of the UTC hour of an instant.</summary>
    public static DateTimeOffset UtcHour(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

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
        var days = new Dictionary<(string Agent, DateTimeOffset Hour), (long First, long Last)>();
        foreach (var recorded in batch)
        {
            if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            var key = (recorded.StreamId[AgentStream.Prefix.Length..], UtcHour(e.At));
            var r = recorded.StreamRevision;
            days[key] = days.TryGetValue(key, out var seen) ? (Math.Min(seen.First, r), Math.Max(seen.Last, r)) : (r, r);
        }
        if (days.Count == 0) return null;
        await using var command = new NpgsqlCommand(Upsert, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. days.Keys.Select(k => k.Agent)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = [.. days.Keys.Select(k => k.Hour)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = [.. days.Values.Select(v => v.First)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = [.. days.Values.Select(v => v.Last)] });
        await command.ExecuteNonQueryAsync(ct);
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
