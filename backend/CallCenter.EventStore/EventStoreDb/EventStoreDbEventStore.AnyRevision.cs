namespace CallCenter.EventStore;

// Appends at "any" revision. The server recognises repeated event ids of such appends only in a cache of recent writes
// (emptied by a restart), so the adapter looks for the ids in the stream itself and appends at the exact revision it
// found: the server then refuses (or recognises) whatever changed meanwhile, and we look again. A stream longer than
// the lookback is appended to at "any" revision as before (an exact revision would skip the server's cache check).
public sealed partial class EventStoreDbEventStore
{
    const int MaxAttemptsOnAnyRevision = 10;

    /// <summary>
    /// Like PostgreSQL: every id already in the stream → the stored append is reported (<c>Duplicate</c>), nothing
    /// written; some of them → <see cref="WrongExpectedVersionException"/>; none → appended after the stream's head.
    /// </summary>
    async Task<AppendResult> AppendAtAnyRevisionAsync(string streamId, IReadOnlyList<EventData> events, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (head, stored, wholeStream) = await FindStoredAsync(streamId, events, ct);
            if (stored.Count == events.Count)
                return new AppendResult(stored.Max(e => e.StreamRevision), stored.Max(e => e.Position), Duplicate: true);
            if (stored.Count > 0) throw new WrongExpectedVersionException(streamId, ExpectedRevision.Any, head);
            // the last attempt, like a stream longer than the lookback, leaves it to the server (e.g. a soft-deleted
            // stream reads as empty but is not at no-stream)
            var exact = wholeStream && attempt < MaxAttemptsOnAnyRevision;
            var expected = !exact ? ExpectedRevision.Any : head < 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(head);
            try
            {
                return await AppendAtRevisionAsync(streamId, expected, events, ct);
            }
            catch (WrongExpectedVersionException) when (exact)
            {
                // another append came first (maybe a repeat of this one): look again
                if (attempt > 2) await Task.Delay(EventStoreDb.EventStoreDbConnection.Backoff(attempt - 2), ct);
            }
        }
    }

    /// <summary>The stream's head revision (-1: no stream), which of the ids its last
    /// <see cref="EventStoreDbOptions.AnyRevisionLookback"/> events hold, and whether that was the whole stream.</summary>
    async Task<(long Head, List<RecordedEvent> Stored, bool WholeStream)> FindStoredAsync(string streamId, IReadOnlyList<EventData> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.EventId).ToHashSet();
        var head = -1L;
        var stored = new List<RecordedEvent>();
        var oldest = 0L;
        await foreach (var e in ReadStreamAsync(streamId, ReadDirection.Backwards, long.MaxValue, _options.AnyRevisionLookback, ct))
        {
            if (head < 0) head = e.StreamRevision;
            oldest = e.StreamRevision;
            if (ids.Contains(e.EventId)) stored.Add(e);
            if (stored.Count == ids.Count) break;
        }
        return (head, stored, oldest == 0);
    }
}
