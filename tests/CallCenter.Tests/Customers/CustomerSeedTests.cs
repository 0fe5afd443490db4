using System.Diagnostics;
using CallCenter.Customers.Seeding;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace CallCenter.Tests.Customers;

/// <summary>The directory is seeded at start: the same customers in every fresh database, and only once.</summary>
public class CustomerSeedTests(ITestOutputHelper output)
{
    static async Task<(long Count, string Hash)> Fingerprint(string database)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select count(*), md5(coalesce(string_agg(row_to_json(c)::text, E'\\n' order by id), '')) from customers c", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetString(1));
    }

    [Fact]
    public async Task Two_fresh_databases_get_identical_customers()
    {
        string first, second;
        using (var app = await AppHost.StartAsync()) first = app.Database;
        using (var app = await AppHost.StartAsync()) second = app.Database;

        var a = await Fingerprint(first);
        Assert.Equal(CustomerSeed.DefaultCount, a.Count);
        Assert.Equal(a, await Fingerprint(second));
    }

    [Fact]
    public async Task A_second_start_adds_nothing_and_keeps_changes()
    {
        string database;
        using (var app = await AppHost.StartAsync()) database = app.Database;
        await using (var conn = new NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("update customers set arrears = 0, status = 'active' where id = 'C000042'", conn).ExecuteNonQueryAsync();
        }
        var before = await Fingerprint(database);

        using (var restarted = await AppHost.StartAsync(database))
        {
            Assert.Equal(before, await Fingerprint(database));
            await using var scope = restarted.Services.CreateAsyncScope();
            Assert.Equal(0, await CustomerSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<ReadModelDb>(), CancellationToken.None));
        }
        Assert.Equal(before, await Fingerprint(database));
    }

    [Fact]
    public async Task Seeding_time_is_measured()
    {
        using var app = await AppHost.StartAsync();
        await using (var conn = new NpgsqlConnection(app.Database))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("truncate customers", conn).ExecuteNonQueryAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();

        var generate = Stopwatch.StartNew();
        CustomerGenerator.Generate(CustomerSeed.DefaultCount);
        generate.Stop();
        var seed = Stopwatch.StartNew();
        Assert.Equal(CustomerSeed.DefaultCount, await CustomerSeed.SeedAsync(db, CancellationToken.None));
        seed.Stop();
        var check = Stopwatch.StartNew();
        const int checks = 50;
        for (var i = 0; i < checks; i++) Assert.Equal(0, await CustomerSeed.SeedAsync(db, CancellationToken.None));
        check.Stop();

        output.WriteLine($"generate {CustomerSeed.DefaultCount} customers: {generate.Elapsed.TotalMilliseconds:F0} ms; " +
                         $"seed (generate + COPY + index maintenance): {seed.Elapsed.TotalMilliseconds:F0} ms; " +
                         $"start-up check when seeded: {check.Elapsed.TotalMilliseconds / checks:F2} ms");
    }
}
