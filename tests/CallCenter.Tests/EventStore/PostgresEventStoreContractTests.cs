namespace CallCenter.Tests.EventStore;

/// <summary>The event-store contract against the PostgreSQL adapter (always runs).</summary>
public sealed class PostgresEventStoreContractTests(PostgresEventStoreFixture fixture)
    : EventStoreContractTests(fixture.Store), IClassFixture<PostgresEventStoreFixture>;

/// <summary>The contract again with append batching off (each append its own transaction).</summary>
public sealed class UnbatchedPostgresEventStoreContractTests(UnbatchedPostgresEventStoreFixture fixture)
    : EventStoreContractTests(fixture.Store), IClassFixture<UnbatchedPostgresEventStoreFixture>;
