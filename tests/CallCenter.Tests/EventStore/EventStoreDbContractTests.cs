using CallCenter.EventStore;

namespace CallCenter.Tests.EventStore;

/// <summary>
/// The event-store contract against a real EventStoreDB, when EVENTSTORE_CONNECTION names one
/// (e.g. esdb://127.0.0.1:2113?tls=false); otherwise every test is reported as skipped with that reason.
/// The server keeps what the tests write: each test works on its own unique streams and types.
/// </summary>
[RequiresEnvironment(EventStoreDbFixture.Variable)]
public sealed class EventStoreDbContractTests(EventStoreDbFixture fixture)
    : EventStoreContractTests(fixture.Store), IClassFixture<EventStoreDbFixture>;

public sealed class EventStoreDbFixture : IAsyncLifetime
{
    public const string Variable = "EVENTSTORE_CONNECTION";
    EventStoreDbEventStore? _store;

    /// <summary>Small pages, so the tests cross page boundaries.</summary>
    public IEventStore Store => _store ??= new EventStoreDbEventStore(
        Environment.GetEnvironmentVariable(Variable) ?? throw new InvalidOperationException($"{Variable} is not set."),
        new EventStoreDbOptions { PageSize = 50, FilterWindow = 32 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
