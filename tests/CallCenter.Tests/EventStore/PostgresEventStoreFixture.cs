using CallCenter.EventStore;
using CallCenter.Tests.Infrastructure;
using Npgsql;

namespace CallCenter.Tests.EventStore;

/// <summary>A fresh database with the event-store schema, for one test class; dropped afterwards.</summary>
public class PostgresEventStoreFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public PostgresEventStore Store { get; private set; } = null!;

    /// <summary>Small pages, so the tests cross page boundaries.</summary>
    protected virtual PostgresEventStoreOptions Options => new() { PageSize = 50 };

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("es");
        DataSource = PostgresEventStore.CreateDataSource(ConnectionString);
        Store = new PostgresEventStore(DataSource, Options);
        await Store.EnsureSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The same, with append batching off: every append is its own transaction.</summary>
public sealed class UnbatchedPostgresEventStoreFixture : PostgresEventStoreFixture
{
    protected override PostgresEventStoreOptions Options => base.Options with { MaxConcurrentAppendBatches = 0 };
}
