using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.EventStore;

/// <summary>A fresh database with the event-store schema, for one test class; dropped afterwards.</summary>
public sealed class PostgresEventStoreFixture : IAsyncLifetime
{
    string _connectionString = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public PostgresEventStore Store { get; private set; } = null!;

    /// <summary>Small pages, so the tests cross page boundaries.</summary>
    public static readonly PostgresEventStoreOptions TestOptions = new() { PageSize = 50 };

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("es");
        DataSource = PostgresEventStore.CreateDataSource(_connectionString);
        Store = new PostgresEventStore(DataSource, TestOptions);
        await Store.EnsureSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
