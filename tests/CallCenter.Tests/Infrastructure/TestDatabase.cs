using Npgsql;

namespace CallCenter.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on the throwaway PostgreSQL server that `npm test` starts
/// (its admin connection string is in CALLCENTER_TEST_PG). Real PostgreSQL, never a fake.
/// </summary>
public static class TestDatabase
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CALLCENTER_TEST_PG")
        ?? throw new InvalidOperationException(
            "CALLCENTER_TEST_PG is not set. Run the tests with `npm test` (it starts a throwaway PostgreSQL), " +
            "or set CALLCENTER_TEST_PG to an admin connection string of a PostgreSQL 15+ server.");

    /// <summary>Creates a new database and returns a connection string to it.</summary>
    public static async Task<string> CreateAsync(string prefix = "cc")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        // Idle pooled connections go soon: dozens of test hosts (each with its projections) share one server.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 1 }.ConnectionString;
    }
}
