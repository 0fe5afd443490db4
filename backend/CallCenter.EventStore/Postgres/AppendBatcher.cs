using System.Collections.Concurrent;

namespace CallCenter.EventStore;

/// <summary>
/// Group commit in the adapter: appends that arrive while others are being written are queued and written
/// together, in one transaction and one INSERT statement, by at most <c>maxConcurrentBatches</c> runners.
/// With one caller at a time every batch holds one append, so nothing waits for company; under load the batches
/// grow by themselves and the server commits (and fsyncs) once per batch instead of once per append.
/// Each append still succeeds or fails on its own: its expected revision is checked on its own, and when a batch
/// fails as a whole (a race on a unique index, a bad event) every append in it is retried alone.
/// </summary>
internal sealed class AppendBatcher(
    Func<List<PendingAppend>, Task<AppendOutcome[]>> write, int maxConcurrentBatches, int maxAppendsPerBatch, int maxEventsPerBatch, long maxBytesPerBatch)
{
    readonly ConcurrentQueue<PendingAppend> _queue = new();
    int _runners;

    public Task<AppendOutcome> SubmitAsync(PendingAppend append, CancellationToken ct)
    {
        append.Cancellation = ct;
        _queue.Enqueue(append);
        StartRunnerIfNeeded();
        return append.Completion.Task.WaitAsync(ct);
    }

    void StartRunnerIfNeeded()
    {
        while (!_queue.IsEmpty)
        {
            var runners = Volatile.Read(ref _runners);
            if (runners >= maxConcurrentBatches) return; // a runner that is busy now will take it
            if (Interlocked.CompareExchange(ref _runners, runners + 1, runners) == runners)
            {
                // Not inline: by the time the runner takes its batch, callers released by the previous batch
                // (their continuations were queued just before) have had a chance to queue their next appends.
                // Without this caller's ExecutionContext: the runner works for everyone (tracing, log scopes).
                using (ExecutionContext.SuppressFlow()) _ = Task.Run(RunAsync);
                return;
            }
        }
    }

    async Task RunAsync()
    {
        var carried = new List<PendingAppend>(); // taken from the queue, but their stream is already in the batch
        try
        {
            while (TakeBatch(carried) is { Count: > 0 } batch) await WriteAsync(batch);
        }
        finally
        {
            Interlocked.Decrement(ref _runners);
            StartRunnerIfNeeded(); // something may have been queued after we last looked
        }
    }

    /// <summary>The next batch: carried-over appends first, then the queue; one append per stream, within the limits.</summary>
    List<PendingAppend> TakeBatch(List<PendingAppend> carried)
    {
        var batch = new List<PendingAppend>();
        var streams = new HashSet<string>(StringComparer.Ordinal);
        int events = 0;
        long bytes = 0;
        var waiting = new Queue<PendingAppend>(carried);
        carried.Clear();
        while (batch.Count < maxAppendsPerBatch && (waiting.TryDequeue(out var append) || _queue.TryDequeue(out append)))
        {
            if (append.Cancellation.IsCancellationRequested)
            {
                append.Completion.TrySetCanceled(append.Cancellation);
                continue;
            }
            var fits = batch.Count == 0 || (events + append.Count <= maxEventsPerBatch && bytes + append.Size <= maxBytesPerBatch);
            if (!fits || !streams.Add(append.StreamId))
            {
                carried.Add(append);
                if (!fits) break;
                continue;
            }
            batch.Add(append);
            events += append.Count;
            bytes += append.Size;
        }
        carried.AddRange(waiting);
        // One lock order for all batches (rows are inserted in this order), so two batches never deadlock.
        batch.Sort((a, b) => string.CompareOrdinal(a.StreamId, b.StreamId));
        return batch;
    }

    async Task WriteAsync(List<PendingAppend> batch)
    {
        try
        {
            var outcomes = await write(batch);
            for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(outcomes[i]);
        }
        catch (Exception ex)
        {
            if (batch.Count > 1)
                foreach (var append in batch) append.Completion.TrySetResult(new AppendOutcome.RetryAlone());
            else if (PostgresEventStore.AsRefusal(ex) is { } refused)
                batch[0].Completion.TrySetResult(refused);
            else
                batch[0].Completion.TrySetException(ex);
        }
    }
}
