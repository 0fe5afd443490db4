using Npgsql;

namespace CallCenter.Infrastructure.Projections.Rebuilds;

/// <summary>A rebuildable projection's live version and the version being built, if any.</summary>
public sealed record ProjectionVersion(string Name, int Version, int? BuildingVersion, DateTimeOffset? RequestedAt, string? RequestedBy, DateTimeOffset? SwitchedAt);

/// <summary>
/// projection_versions: the version registry (decision 0006). The projection machinery's own bookkeeping, created with
/// <c>create table if not exists</c> before the projections start, like their tables (not an EF entity). Existing
/// installations start at version 1: their public tables are that version.
/// </summary>
public sealed class VersionRegistry(NpgsqlDataSource dataSource)
{
    const string Ddl = """
        create table if not exists projection_versions (
            name text primary key,
            version int not null,
            building_version int,
            requested_at timestamptz,
            requested_by text,
            switched_at timestamptz)
        """;

    const string Columns = "name, version, building_version, requested_at, requested_by, switched_at";

    public async Task EnsureAsync(IEnumerable<string> rebuildable, CancellationToken ct)
    {
        await using var ddl = dataSource.CreateCommand(Ddl);
        await ddl.ExecuteNonQueryAsync(ct);
        await using var rows = dataSource.CreateCommand("insert into projection_versions (name, version) select unnest($1::text[]), 1 on conflict (name) do nothing");
        rows.Parameters.AddWithValue(rebuildable.ToArray());
        await rows.ExecuteNonQueryAsync(ct);
    }

    public async Task<List<ProjectionVersion>> AllAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select {Columns} from projection_versions order by name");
        return await ReadAsync(cmd, ct);
    }

    /// <summary>Claims the next version for a rebuild; null when one is already being built (any instance).</summary>
    public async Task<ProjectionVersion?> TryBeginRebuildAsync(string name, string by, DateTimeOffset at, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            update projection_versions set building_version = version + 1, requested_at = $2, requested_by = $3
            where name = $1 and building_version is null returning {Columns}
            """);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(at);
        cmd.Parameters.AddWithValue(by);
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    /// <summary>Inside the switch transaction: the built version becomes the live one.</summary>
    public static async Task SwitchAsync(NpgsqlConnection connection, string name, int version, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update projection_versions set version = building_version, building_version = null, switched_at = now()
            where name = $1 and building_version = $2
            """, connection);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(version);
        if (await cmd.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException($"Version {version} of {name} is not being built any more.");
    }

    static async Task<List<ProjectionVersion>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ProjectionVersion>();
        while (await r.ReadAsync(ct))
            list.Add(new ProjectionVersion(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2),
                r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }
}
