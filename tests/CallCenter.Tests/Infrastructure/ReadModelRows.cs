using Npgsql;

namespace CallCenter.Tests.Infrastructure;

/// <summary>
/// Rebuild proofs: every row of some read-model tables as JSON text, in a stable order, so a model rebuilt from
/// position 0 can be compared with the live one row for row; and dropping a projection's tables and checkpoint.
/// </summary>
public static class ReadModelRows
{
    public static async Task<List<string>> RowsAsync(string database, params string[] tables)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"select row_to_json(t)::text from {table} t order by 1", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) rows.Add(table + " " + r.GetString(0));
        }
        return rows;
    }

    /// <summary>The projection's checkpoint position, or null when it has none.</summary>
    public static async Task<long?> CheckpointAsync(string database, string projection)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select position from projection_checkpoints where name = $1", conn) { Parameters = { new() { Value = projection } } };
        return await cmd.ExecuteScalarAsync() is long p ? p : null;
    }

    /// <summary>Drops the tables and the checkpoint: the next start rebuilds the projection from position 0.</summary>
    public static async Task DropAsync(string database, string projection, params string[] tables)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop table {string.Join(", ", tables)}; delete from projection_checkpoints where name = '{projection}'", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
