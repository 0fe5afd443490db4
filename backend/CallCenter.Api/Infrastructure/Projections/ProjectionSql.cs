using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Projections;

/// <summary>The SQL the projection runners share.</summary>
public static class ProjectionSql
{
    /// <summary>Per apply transaction: serialises a projection's live batches with the switch to a rebuilt version (decision 0006).</summary>
    public static Task LockApplyAsync(DbContext db, string projection, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"select pg_advisory_xact_lock(hashtext('projection-apply:' || {projection}))", ct);

    /// <summary>Unqualified table names of this transaction resolve to the version's schema first (its tables), then public (reference data).</summary>
    public static Task UseSchemaAsync(DbContext db, string schema, CancellationToken ct)
    {
        var sql = $"set local search_path to {Quote(schema)}, public"; // an identifier, quoted
        return db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static async Task UpsertCheckpointAsync(DbContext db, string key, ulong position, DateTimeOffset at, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into projection_checkpoints (name, position, updated_at) values ({key}, {(long)position}, {at})
            on conflict (name) do update set position = excluded.position, updated_at = excluded.updated_at
            """, ct);
}
