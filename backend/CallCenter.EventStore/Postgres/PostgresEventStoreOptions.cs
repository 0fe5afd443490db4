namespace CallCenter.EventStore;

/// <summary>Tuning knobs of <see cref="PostgresEventStore"/>; the defaults suit the app.</summary>
public sealed record PostgresEventStoreOptions
{
    /// <summary>How often an idle subscription looks for events appended by other processes
    /// (appends through the same store instance wake it at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How soon a subscription looks again when committed events wait behind a transaction
    /// that is still running (they become readable the moment it ends, and nothing signals that).
    /// Doubles while it keeps waiting, up to <see cref="InFlightPollLimit"/>. The running transaction is often not an
    /// append at all (a projection's write on the same server), so this bounds the added latency of a live push.</summary>
    public TimeSpan InFlightPollInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan InFlightPollLimit { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>At most this many transactions append at once; appends arriving meanwhile are written together in the
    /// next one (group commit). 0 = no batching: every append is its own transaction.</summary>
    public int MaxConcurrentAppendBatches { get; init; } = 2;

    /// <summary>Most appends written in one transaction.</summary>
    public int MaxAppendsPerBatch { get; init; } = 256;

    /// <summary>Events per query when reading a stream or $all (pages are buffered in memory).</summary>
    public int PageSize { get; init; } = 1000;
}
