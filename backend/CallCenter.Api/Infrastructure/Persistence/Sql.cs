using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Infrastructure.Persistence;

/// <summary>Plain positional-parameter SQL on the projection's connection (its transaction applies: Npgsql enlists commands in it).</summary>
public static class Sql
{
    /// <summary>The context's connection, opened (EF closes it with the context; a transaction begun on the context applies).</summary>
    public static async Task<NpgsqlConnection> ConnectionAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    public static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(connection, sql, args);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] args)
    {
        await using var cmd = Command(connection, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    public static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object?[] args)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var a in args)
            cmd.Parameters.Add(a as NpgsqlParameter ?? new NpgsqlParameter { Value = a ?? DBNull.Value });
        return cmd;
    }
}
