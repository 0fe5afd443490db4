using System.Threading.Channels;
using CallCenter.EventStore;

namespace CallCenter.Infrastructure.Projections;

/// <summary>
/// Reads a subscription into a bounded channel, so the next page is read while a batch is applied,
/// and hands out batches: everything already read, up to a size.
/// </summary>
public sealed class EventPump : IAsyncDisposable
{
    readonly Channel<RecordedEvent> channel;
    readonly CancellationTokenSource stop;
    readonly Task pumping;

    public EventPump(IAsyncEnumerable<RecordedEvent> subscription, int capacity, CancellationToken ct)
    {
        channel = Channel.CreateBounded<RecordedEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        pumping = PumpAsync(subscription, channel.Writer, stop.Token);
    }

    /// <summary>Waits for at least one event (or <paramref name="idle"/>, then returns an empty batch) and takes up to <paramref name="max"/>.</summary>
    public async Task<List<RecordedEvent>> NextAsync(int max, TimeSpan? idle, CancellationToken ct)
    {
        var batch = new List<RecordedEvent>(Math.Min(max, 4096));
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (idle is { } timeout) wait.CancelAfter(timeout);
        try
        {
            if (!await channel.Reader.WaitToReadAsync(wait.Token))
            {
                await pumping; // surfaces a subscription failure
                throw new InvalidOperationException("The subscription ended.");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return batch; }
        while (batch.Count < max && channel.Reader.TryRead(out var e)) batch.Add(e);
        return batch;
    }

    static async Task PumpAsync(IAsyncEnumerable<RecordedEvent> subscription, ChannelWriter<RecordedEvent> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var e in subscription.WithCancellation(ct)) await writer.WriteAsync(e, ct);
            writer.Complete();
        }
        catch (Exception ex) { writer.Complete(ex is OperationCanceledException ? null : ex); }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await pumping.ContinueWith(_ => { });
        stop.Dispose();
    }
}

/// <summary>
/// Sizes batches so one apply transaction lasts about <see cref="Target"/>: large while catching up (fewer commits
/// and round trips per event), never so long that it holds back $all for everyone (decision 0002: readers stop below
/// the oldest running transaction). Live, a batch is whatever has arrived.
/// </summary>
public sealed class BatchSizer
{
    public static readonly TimeSpan Target = TimeSpan.FromMilliseconds(250);
    public const int Min = 500, Max = 20_000;
    public int Size { get; private set; } = Min;

    public void Applied(int events, TimeSpan took)
    {
        if (events < Size / 2) return; // a small live batch says nothing about the rate
        var fitting = events * Target.TotalSeconds / Math.Max(took.TotalSeconds, 0.001);
        Size = (int)Math.Clamp((Size + fitting) / 2, Min, Max);
    }
}
