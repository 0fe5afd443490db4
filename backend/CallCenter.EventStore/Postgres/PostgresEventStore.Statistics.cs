using Npgsql;
using NpgsqlTypes;

namespace CallCenter.EventStore;

// Head and backlog of $all (projection lag, rebuild progress). Plain reads: no horizon needed for figures.
public sealed partial class PostgresEventStore : IEventStoreStatistics
{
    public async Task<StoreHead?> HeadAsync(CancellationToken ct = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT position, created FROM eventstore.events ORDER BY position DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoreHead((ulong)reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    public async Task<Backlog> BacklogAsync(ulong? afterPosition, EventFilter? filter, long cap, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT count(*), min(created) FROM (
                SELECT created FROM eventstore.events WHERE position > $1 {Conditions(filter)} ORDER BY position LIMIT $2
            ) backlog
            """;
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = ToCursor(afterPosition) });
        command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = cap });
        command.Parameters.Add(new NpgsqlParameter<string[]?> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = LikePrefixes(filter?.StreamPrefixes) });
        command.Parameters.Add(new NpgsqlParameter<string[]?> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = LikePrefixes(filter?.EventTypePrefixes) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var count = reader.GetInt64(0);
        return new Backlog(count, count >= cap, reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    static string Conditions(EventFilter? filter) =>
        (filter?.StreamPrefixes is null ? "" : PostgresSql.StreamPrefixCondition) + " " +
        (filter?.EventTypePrefixes is null ? "" : PostgresSql.TypePrefixCondition);
}
