using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Infrastructure.Projections;

/// <summary>
/// A read model built from the event store by one catch-up subscription with one checkpoint.
/// Apply runs inside the transaction that also writes the checkpoint (exactly-once effect);
/// AfterCommit runs once the batch is durable (live pushes go there, never in command handlers).
/// Projections use event time only, never the wall clock, so a rebuild gives the same rows.
/// </summary>
public interface IProjection
{
    string Name { get; }
    EventFilter Filter { get; }

    /// <summary>Creates the projection's tables when missing; returns true when it created them (the runner then starts from position 0).</summary>
    Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct);

    /// <summary>Applies a batch in position order. Returns what AfterCommit needs (may be null).</summary>
    Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct);

    Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// A projection that acts (appends events, calls out) instead of keeping tables: it is never rebuilt blue/green
/// (its effects are not read-model rows), and GET /api/projections lists it as not rebuildable.
/// </summary>
public interface IReactor : IProjection;
