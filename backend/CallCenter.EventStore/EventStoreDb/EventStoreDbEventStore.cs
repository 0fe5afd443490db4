using CallCenter.EventStore.EventStoreDb.Wire;
using Grpc.Core;

namespace CallCenter.EventStore;

/// <summary>
/// The EventStoreDB adapter of <see cref="IEventStore"/>: our own gRPC client (protos in EventStoreDb/Protos, see
/// docs/decisions/0005-eventstoredb-grpc-client.md). <see cref="RecordedEvent.Position"/> is the event's commit position
/// in $all. Events appended through gRPC are committed one by one (no explicit transactions), so an event's prepare
/// position equals its commit position and (P, P) is exactly where it sits in the log: resuming "after P" is exact.
/// </summary>
public sealed partial class EventStoreDbEventStore : IEventStore, IAsyncDisposable
{
    readonly EventStoreDb.EventStoreDbConnection _connection;
    readonly EventStoreDbOptions _options;

    public EventStoreDbEventStore(string connectionString, EventStoreDbOptions? options = null)
        : this(EventStoreDb.EventStoreDbSettings.Parse(connectionString), options) { }

    public EventStoreDbEventStore(EventStoreDb.EventStoreDbSettings settings, EventStoreDbOptions? options = null)
    {
        _connection = new EventStoreDb.EventStoreDbConnection(settings);
        _options = options ?? new EventStoreDbOptions();
        if (_options.PageSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "PageSize must be at least 1.");
        if (_options.AnyRevisionLookback < 1) throw new ArgumentOutOfRangeException(nameof(options), "AnyRevisionLookback must be at least 1.");
    }

    public EventStoreDb.EventStoreDbSettings Settings => _connection.Settings;

    /// <summary>Reads the last event of $all from the leader, with a short deadline.</summary>
    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            var node = await _connection.LeaderAsync(ct);
            await LastPositionAsync(node, new CallOptions(_connection.Headers, DateTime.UtcNow.AddSeconds(3), ct));
            return true;
        }
        catch (Exception ex) when (ex is RpcException or EventStoreUnavailableException or HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The commit position of the last event in $all (0 when it is empty).</summary>
    static async Task<ulong> LastPositionAsync(EventStoreDb.EventStoreDbNode node, CallOptions options)
    {
        var request = new ReadRequest
        {
            Options = new ReadOptions
            {
                All = new ReadOptions.Types.AllSource { End = new Nothing() },
                Direction = ReadOptions.Types.Direction.Backwards,
                Count = 1,
                NoFilter = new Nothing(),
                IdFormat = new ReadOptions.Types.IdFormat { String = new Nothing() },
            },
        };
        using var call = node.Streams.Read(request, options);
        ulong last = 0;
        while (await call.ResponseStream.MoveNext(options.CancellationToken))
            if (call.ResponseStream.Current.Event is { } e) last = e.Event.CommitPosition;
        return last;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>Tuning knobs of <see cref="EventStoreDbEventStore"/>; the defaults suit the app.</summary>
public sealed record EventStoreDbOptions
{
    /// <summary>Events per read call (each call has the connection's deadline; pages are buffered in memory).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>How many events a filtered subscription may skip before the server reports a checkpoint.</summary>
    public uint FilterWindow { get; init; } = 512;

    /// <summary>How many of a stream's last events an "any revision" append searches for its event ids (call streams
    /// are far shorter; repeats older than that in a longer stream rely on the server's cache of recent ids).</summary>
    public int AnyRevisionLookback { get; init; } = 1000;
}
