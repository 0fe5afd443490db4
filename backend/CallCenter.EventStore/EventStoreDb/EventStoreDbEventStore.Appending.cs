using CallCenter.EventStore.EventStoreDb;
using CallCenter.EventStore.EventStoreDb.Wire;
using Grpc.Core;

namespace CallCenter.EventStore;

// Appending: one client-streaming Append call per append (header, then the events), retried with the same event ids.
public sealed partial class EventStoreDbEventStore
{
    readonly FreshPositions _fresh = new();
    Task? _freshFloor;

    /// <inheritdoc />
    /// <remarks>
    /// Retries after a lost connection, a leader change or a server-side timeout repeat the same event ids: the server
    /// answers an already stored append with where it was stored (idempotent). EventStoreDB does not say whether it
    /// wrote or recognised the events, so <see cref="AppendResult.Duplicate"/> is inferred: true when the reported
    /// position was already in $all when this instance first appended, or was already reported to another append of
    /// this instance. A repeat of an append made by another process since then is reported as not duplicate.
    /// With <see cref="ExpectedRevision.Any"/> the server recognises repeats only among recent events (its cache), so
    /// such appends look for their ids in the stream first (see EventStoreDbEventStore.AnyRevision.cs).
    /// </remarks>
    public async Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (expected.Value < -2) throw new ArgumentOutOfRangeException(nameof(expected), expected.Value, "Not an expected revision.");
        if (events.Count == 0) return await AppendNothingAsync(streamId, expected, ct);
        if (events.Select(e => e.EventId).Distinct().Count() != events.Count)
            throw new ArgumentException("An event id occurs twice in one append.", nameof(events));
        await (_freshFloor ??= ReadFreshFloorAsync());
        return expected.IsAny
            ? await AppendAtAnyRevisionAsync(streamId, events, ct)
            : await AppendAtRevisionAsync(streamId, expected, events, ct);
    }

    /// <summary>One append with an exact revision or no-stream: the server recognises a repeat of it however old.</summary>
    async Task<AppendResult> AppendAtRevisionAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events,
        CancellationToken ct)
    {
        AppendResponse response;
        try
        {
            response = await _connection.RunAsync((node, token) => SendAsync(node, streamId, expected, events, token), ct);
        }
        catch (RpcException ex)
        {
            throw EventStoreDbErrors.Map(ex, streamId);
        }
        if (response.ResultCase == AppendResponse.ResultOneofCase.WrongExpectedVersion)
        {
            var conflict = response.WrongExpectedVersion;
            var actual = conflict.CurrentCase == AppendResponse.Types.Conflict.CurrentOneofCase.CurrentRevision ? (long)conflict.CurrentRevision
                : conflict.CurrentCase == AppendResponse.Types.Conflict.CurrentOneofCase.CurrentNoStream ? -1
                : conflict.LegacyCurrentCase == AppendResponse.Types.Conflict.LegacyCurrentOneofCase.LegacyCurrentRevision ? (long)conflict.LegacyCurrentRevision
                : -1;
            throw new WrongExpectedVersionException(streamId, expected, actual);
        }
        var written = response.Success;
        var revision = written.RevisionCase == AppendResponse.Types.Written.RevisionOneofCase.CurrentRevision ? (long)written.CurrentRevision : -1;
        if (written.WhereCase != AppendResponse.Types.Written.WhereOneofCase.Position)
            return new AppendResult(revision, 0, Duplicate: true); // recognised, but the server could not say where
        var position = written.Position.CommitPosition;
        return new AppendResult(revision, position, Duplicate: !_fresh.TryClaim(position));
    }

    async Task<AppendResponse> SendAsync(EventStoreDbNode node, string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events,
        CancellationToken ct)
    {
        using var call = node.Streams.Append(_connection.Options(ct));
        try
        {
            await call.RequestStream.WriteAsync(EventStoreDbWire.Header(streamId, expected), ct);
            foreach (var e in events) await call.RequestStream.WriteAsync(EventStoreDbWire.Proposed(e), ct);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or RpcException && !ct.IsCancellationRequested)
        {
            // the server ended the call early (e.g. the append is too large): its status says why
        }
        return await call.ResponseAsync;
    }

    /// <summary>Positions up to the end of $all before our first append count as stored before us.</summary>
    async Task ReadFreshFloorAsync()
    {
        try
        {
            var end = await _connection.RunAsync((node, token) => LastPositionAsync(node, _connection.Options(token)), CancellationToken.None);
            _fresh.RaiseFloor(end);
        }
        catch
        {
            _freshFloor = null; // try again with the next append
            throw;
        }
    }

    async Task<AppendResult> AppendNothingAsync(string streamId, ExpectedRevision expected, CancellationToken ct)
    {
        RecordedEvent? last = null;
        await foreach (var e in ReadStreamAsync(streamId, ReadDirection.Backwards, long.MaxValue, 1, ct)) last = e;
        var head = last?.StreamRevision ?? -1;
        if (!expected.IsAny && expected.Value != head) throw new WrongExpectedVersionException(streamId, expected, head);
        return new AppendResult(head, last?.Position ?? 0, Duplicate: false);
    }
}
