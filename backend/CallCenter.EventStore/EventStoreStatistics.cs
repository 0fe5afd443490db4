namespace CallCenter.EventStore;

/// <summary>The last event of $all: its position and when it was recorded.</summary>
public sealed record StoreHead(ulong Position, DateTimeOffset Created);

/// <summary>Events after a position that a reader has not seen yet: how many (counted up to a cap) and the oldest one's time.</summary>
public sealed record Backlog(long Events, bool Capped, DateTimeOffset? OldestCreated);

/// <summary>Cheap figures about $all for monitoring (projection lag and rebuild progress). Optional for an adapter.</summary>
public interface IEventStoreStatistics
{
    Task<StoreHead?> HeadAsync(CancellationToken ct = default);

    /// <summary>Events after <paramref name="afterPosition"/> that match <paramref name="filter"/>, counted up to <paramref name="cap"/>.</summary>
    Task<Backlog> BacklogAsync(ulong? afterPosition, EventFilter? filter, long cap, CancellationToken ct = default);
}
