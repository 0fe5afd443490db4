using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Customers.Seeding;

/// <summary>
/// Fills an empty customer directory with <see cref="CustomerGenerator"/>'s customers by one binary
/// COPY. Runs at every start: when customers exist it costs one index-only query. Instances starting
/// together serialize on an advisory lock, and the second one finds the table filled.
/// </summary>
public static class CustomerSeed
{
    public const int DefaultCount = 5_000;
    const long LockKey = 0x4355_5354_5345_4544; // "CUSTSEED"

    /// <summary>Seeds when the table is empty; returns how many customers were added (0 when it was not empty).</summary>
    public static async Task<int> SeedAsync(ReadModelDb db, CancellationToken ct, int count = DefaultCount, ulong seed = CustomerGenerator.DefaultSeed)
    {
        if (await db.Customers.AnyAsync(ct)) return 0;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", conn, tx))
            {
                lockCmd.Parameters.AddWithValue("key", LockKey);
                await lockCmd.ExecuteNonQueryAsync(ct);
            }
            await using (var exists = new NpgsqlCommand($"select exists (select 1 from {CustomerRow.Table})", conn, tx))
                if ((bool)(await exists.ExecuteScalarAsync(ct))!) return 0;

            var customers = CustomerGenerator.Generate(count, seed);
            await CopyAsync(conn, customers, ct);
            await tx.CommitAsync(ct);
            return customers.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task CopyAsync(NpgsqlConnection conn, IEnumerable<CustomerRow> customers, CancellationToken ct)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            $"copy {CustomerRow.Table} (id, name, address, area, service_type, level, smart_card, arrears, products, status, phones, created_on) from stdin (format binary)", ct);
        foreach (var c in customers)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(c.Id, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Name, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Address, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Area, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.ServiceType, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Level, NpgsqlDbType.Text, ct);
            if (c.SmartCard is null) await writer.WriteNullAsync(ct);
            else await writer.WriteAsync(c.SmartCard, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Arrears, NpgsqlDbType.Numeric, ct);
            await writer.WriteAsync(c.Products, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Status, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.Phones, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await writer.WriteAsync(c.CreatedOn, NpgsqlDbType.Date, ct);
        }
        await writer.CompleteAsync(ct);
    }
}
