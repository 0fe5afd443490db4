using CallCenter.Customers;
using CallCenter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Tests.Customers;

/// <summary>One app with the seeded customer directory, shared by a test class, and an agent signed in to it.</summary>
public abstract class CustomerDirectoryFixture : IAsyncLifetime
{
    public AppHost App { get; private set; } = null!;
    public HttpClient Agent { get; private set; } = null!;

    /// <summary>Whether pg_trgm sees Chinese characters in this database (not under the C locale).</summary>
    public bool TrigramsSeeChinese { get; private set; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        App = await AppHost.StartAsync(await CreateDatabaseAsync());
        Agent = await App.SignInAsync("agent1");
        TrigramsSeeChinese = await ScalarAsync<bool>("select show_trgm('张伟') <> '{}'");
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(App.Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<List<string>> ColumnAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(App.Database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await r.ReadAsync()) values.Add(r.GetString(0));
        return values;
    }

    public async Task<T> WithDirectoryAsync<T>(Func<CustomerDirectory, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<CustomerDirectory>());
    }
}

/// <summary>The test server's default database (C.UTF-8 on the dev server: trigrams see Chinese).</summary>
public sealed class DefaultLocaleDirectory : CustomerDirectoryFixture
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync("cust");
}

/// <summary>
/// A database under the C locale, as `initdb --no-locale` (scripts/lib/postgres.mjs) makes them:
/// pg_trgm extracts no trigrams from Chinese there, and the search must still work.
/// </summary>
public sealed class CLocaleDirectory : CustomerDirectoryFixture
{
    protected override async Task<string> CreateDatabaseAsync()
    {
        var name = $"custc_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(TestDatabase.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"create database \"{name}\" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString) { Database = name }.ConnectionString;
    }
}
