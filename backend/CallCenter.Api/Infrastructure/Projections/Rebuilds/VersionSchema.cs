using Npgsql;
using static CallCenter.Infrastructure.Projections.ProjectionSql;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>
/// Where a version being rebuilt keeps its tables: a schema of its own (rm_screen_pops_v2), and its checkpoint under
/// its own key (screen-pops@v2). The live version's tables are the ones in public (decision 0006).
/// </summary>
public static class VersionSchema
{
    public static string Of(string projection, int version) => $"rm_{projection.Replace('-', '_').ToLowerInvariant()}_v{version}";
    public static string CheckpointKey(string projection, int version) => $"{projection}@v{version}";

    /// <summary>Tables, views and free-standing sequences of a schema (indexes, owned sequences and partitions' parents move with their tables).</summary>
    const string Relations = """
        select c.relname, c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S')
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))
        order by c.relname
        """;

    public static async Task<List<(string Name, char Kind)>> RelationsAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Relations, connection);
        cmd.Parameters.AddWithValue(schema);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<(string, char)>();
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1)[0]));
        return list;
    }

    /// <summary>
    /// First step of the switch (decision 0026): takes every live relation the new version replaces in one LOCK, waiting at
    /// most <paramref name="wait"/>. A report joins several of these tables and locks them in its own order while it is
    /// parsed; dropping them one by one, the switch could hold one a reader needs while waiting for one the reader holds —
    /// a deadlock PostgreSQL broke by failing the reader (40P01, answered 503). Holding them all before any DDL, with a
    /// wait shorter than deadlock_timeout, the switch gives way instead (55P03, it retries); readers arriving meanwhile
    /// wait for its commit and then read the new tables (PostgreSQL looks the name up again after the wait).
    /// </summary>
    public static async Task LockLiveAsync(NpgsqlConnection connection, string schema, TimeSpan wait, CancellationToken ct)
    {
        var replaced = (await RelationsAsync(connection, schema, ct)).Select(r => r.Name).ToHashSet();
        var live = (await RelationsAsync(connection, "public", ct)).Where(r => replaced.Contains(r.Name) && r.Kind != 'S')
            .Select(r => "public." + Quote(r.Name)).ToList();
        if (live.Count == 0) return;
        await ExecAsync(connection, $"set local lock_timeout = '{(int)wait.TotalMilliseconds}ms'", ct);
        await ExecAsync(connection, $"lock table {string.Join(", ", live)} in access exclusive mode", ct);
        await ExecAsync(connection, "set local lock_timeout = '5s'", ct);
    }

    /// <summary>
    /// The switch's DDL (inside the switch transaction): drops the live relations that the new version has too and moves the
    /// new version's into public, then drops its schema. Readers wait for the commit and then see the new version only.
    /// </summary>
    public static async Task MoveToPublicAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        var relations = await RelationsAsync(connection, schema, ct);
        var live = (await RelationsAsync(connection, "public", ct)).ToDictionary(r => r.Name, r => r.Kind);
        foreach (var (name, _) in relations)
            if (live.TryGetValue(name, out var kind))
                await ExecAsync(connection, $"drop {Keyword(kind)} if exists public.{Quote(name)} cascade", ct);
        foreach (var (name, kind) in relations)
            await ExecAsync(connection, $"alter {Keyword(kind)} {Quote(schema)}.{Quote(name)} set schema public", ct);
        await ExecAsync(connection, $"drop schema {Quote(schema)} cascade", ct);
    }

    static string Keyword(char kind) => kind switch
    {
        'v' => "view",
        'm' => "materialized view",
        'S' => "sequence",
        _ => "table",
    };

    public static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
