using Npgsql;

namespace CallCenter.Tests.Infrastructure;

/// <summary>
/// A $all read returns only events below the oldest transaction still running anywhere on the server (decision 0002), and
/// the test server is shared by every test class. Before a test reads "everything" from $all (a recount, "caught up"),
/// it waits until no running transaction is older than the last committed event of its database: then the read is complete.
/// </summary>
public static class StoreHorizon
{
    public static async Task WaitPastLastEventAsync(string database)
    {
        await Eventually.GetAsync(async () =>
        {
            await using var conn = new NpgsqlConnection(database);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "select coalesce(max(position), 0) < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20) from eventstore.events", conn);
            return (bool)(await cmd.ExecuteScalarAsync())!;
        }, past => past, TimeSpan.FromSeconds(60), "the $all horizon past the last committed event");
    }
}
