namespace CallCenter.Tests.EventStore;

/// <summary>The event-store contract against the PostgreSQL adapter (always runs).</summary>
public sealed class PostgresEventStoreContractTests(PostgresEventStoreFixture fixture)
    : EventStoreContractTests(fixture.Store), IClassFixture<PostgresEventStoreFixture>;
