using System.Runtime.CompilerServices;
using CallCenter.EventStore.EventStoreDb;
using CallCenter.EventStore.EventStoreDb.Wire;
using Grpc.Core;

namespace CallCenter.EventStore;

// Reading a stream and reading $all: page by page, one Read call (with a deadline, retried) per page.
public sealed partial class EventStoreDbEventStore
{
    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forwards,
        long fromRevision = 0, int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var forwards = direction == ReadDirection.Forwards;
        long? next = forwards ? Math.Max(fromRevision, 0) : fromRevision == long.MaxValue ? null : fromRevision; // null = the end
        var remaining = maxCount;
        while (remaining > 0 && next is null or >= 0)
        {
            var limit = Math.Min(_options.PageSize, remaining);
            var source = new ReadOptions.Types.StreamSource { Stream = EventStoreDbWire.Stream(streamId) };
            if (next is { } revision) source.Revision = (ulong)revision;
            else source.End = new Nothing();
            var options = NewReadOptions(forwards, (ulong)limit);
            options.Stream = source;
            options.NoFilter = new Nothing();

            var page = await ReadPageAsync(options, streamId, ct);
            foreach (var e in page) yield return e;
            if (page.Count < limit) yield break;
            remaining -= page.Count;
            next = forwards ? page[^1].StreamRevision + 1 : page[^1].StreamRevision - 1;
        }
    }

    /// <remarks>$all in EventStoreDB only ever shows committed events in log order: every page is a gap-free prefix.
    /// System events ($-types, $-streams) are left out unless a prefix of the filter asks for them.</remarks>
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(ulong? afterPosition, EventFilter? filter = null,
        int maxCount = int.MaxValue, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var after = afterPosition;
        var remaining = maxCount;
        while (remaining > 0)
        {
            var limit = Math.Min(_options.PageSize, remaining);
            var options = NewReadOptions(forwards: true, (ulong)limit + 1); // +1: a position is read inclusively
            options.All = After(after);
            options.Filter = EventStoreDbWire.ServerFilter(filter, window: (uint)Math.Max(limit, 32));

            var page = await ReadPageAsync(options, null, ct);
            var fresh = page.Where(e => after is not { } a || e.Position > a).ToList();
            var wanted = 0;
            foreach (var e in fresh)
            {
                if (!EventStoreDbWire.Wanted(filter, e)) continue;
                yield return e;
                if (++wanted == remaining) yield break;
            }
            if (page.Count < limit + 1 || fresh.Count == 0) yield break; // the end of $all
            remaining -= wanted;
            after = fresh[^1].Position;
        }
    }

    static ReadOptions.Types.AllSource After(ulong? position) => position is { } p
        ? new ReadOptions.Types.AllSource { Position = new LogPosition { CommitPosition = p, PreparePosition = p } }
        : new ReadOptions.Types.AllSource { Start = new Nothing() };

    static ReadOptions NewReadOptions(bool forwards, ulong count) => new()
    {
        Direction = forwards ? ReadOptions.Types.Direction.Forwards : ReadOptions.Types.Direction.Backwards,
        Count = count,
        IdFormat = new ReadOptions.Types.IdFormat { String = new Nothing() },
        Control = new ReadOptions.Types.Control { Compatibility = 1 },
    };

    /// <summary>One read call, buffered; a missing stream reads as empty.</summary>
    async Task<List<RecordedEvent>> ReadPageAsync(ReadOptions options, string? streamId, CancellationToken ct)
    {
        try
        {
            return await _connection.RunAsync(async (node, token) =>
            {
                var page = new List<RecordedEvent>();
                using var call = node.Streams.Read(new ReadRequest { Options = options }, _connection.Options(token));
                while (await call.ResponseStream.MoveNext(token))
                    if (call.ResponseStream.Current.Event is { } e) page.Add(EventStoreDbWire.ToRecorded(e.Event));
                return page;
            }, ct);
        }
        catch (RpcException ex)
        {
            throw EventStoreDbErrors.Map(ex, streamId);
        }
    }
}
