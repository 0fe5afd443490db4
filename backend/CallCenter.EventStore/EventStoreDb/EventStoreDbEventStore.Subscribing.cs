using System.Runtime.CompilerServices;
using CallCenter.EventStore.EventStoreDb;
using CallCenter.EventStore.EventStoreDb.Wire;
using Grpc.Core;

namespace CallCenter.EventStore;

// The catch-up subscription to $all: one long Read call with subscription options; resubscribes after failures.
public sealed partial class EventStoreDbEventStore
{
    /// <remarks>
    /// The server catches up from the position, then pushes live events. When the call breaks (server restart, leader
    /// change, network) it subscribes again, with backoff, after the last event delivered or the server's last
    /// checkpoint if that is further (a filtered subscription reports how far it has looked even when nothing matched).
    /// Events at or before the last one delivered are dropped, so each event is delivered once, in position order.
    /// </remarks>
    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(ulong? afterPosition, EventFilter? filter = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var delivered = afterPosition; // the last event handed out (or the caller's checkpoint)
        var resumeAfter = afterPosition; // the same, or a later server checkpoint
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var node = await _connection.LeaderAsync(ct);
            var options = new ReadOptions
            {
                All = After(resumeAfter),
                Direction = ReadOptions.Types.Direction.Forwards,
                Subscription = new ReadOptions.Types.Subscribe(),
                Filter = EventStoreDbWire.ServerFilter(filter, _options.FilterWindow),
                IdFormat = new ReadOptions.Types.IdFormat { String = new Nothing() },
                Control = new ReadOptions.Types.Control { Compatibility = 1 },
            };
            using var call = node.Streams.Read(new ReadRequest { Options = options }, _connection.Options(ct, withDeadline: false));
            while (true)
            {
                ReadResponse response;
                try
                {
                    if (!await call.ResponseStream.MoveNext(ct)) break; // the server ended it: subscribe again
                    response = call.ResponseStream.Current;
                }
                catch (RpcException ex) when (!ct.IsCancellationRequested && (_connection.OnTransientFailure(node, ex) || IsBrokenCall(ex)))
                {
                    if (++failures >= 2) await Task.Delay(EventStoreDbConnection.Backoff(failures - 1), ct);
                    break;
                }
                catch (RpcException ex) when (!ct.IsCancellationRequested)
                {
                    throw EventStoreDbErrors.Map(ex, null);
                }
                catch (RpcException) { throw new OperationCanceledException(ct); }

                switch (response.ContentCase)
                {
                    case ReadResponse.ContentOneofCase.Confirmation:
                        failures = 0;
                        break;
                    case ReadResponse.ContentOneofCase.Checkpoint when response.Checkpoint.CommitPosition > (resumeAfter ?? 0):
                        resumeAfter = response.Checkpoint.CommitPosition;
                        break;
                    case ReadResponse.ContentOneofCase.Event:
                        var e = EventStoreDbWire.ToRecorded(response.Event.Event);
                        if (delivered is { } last && e.Position <= last) break;
                        delivered = e.Position;
                        if (resumeAfter is not { } r || r < e.Position) resumeAfter = e.Position;
                        if (EventStoreDbWire.Wanted(filter, e)) yield return e;
                        break;
                }
            }
        }
    }

    /// <summary>The call died with its connection (e.g. the server went away mid-stream).</summary>
    static bool IsBrokenCall(RpcException ex) => ex.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable;
}
