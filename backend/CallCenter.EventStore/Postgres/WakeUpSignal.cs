namespace CallCenter.EventStore;

/// <summary>
/// An in-process pulse: every <see cref="Signal"/> completes the task that waiters took from
/// <see cref="Next"/> before it. Take <see cref="Next"/> before looking for work, so a signal that
/// arrives while looking is not lost.
/// </summary>
internal sealed class WakeUpSignal
{
    TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Signal() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Waits for <paramref name="wake"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public static async Task WaitAsync(Task wake, TimeSpan timeout, CancellationToken ct)
    {
        if (wake.IsCompleted) return;
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(wake, Task.Delay(timeout, delayCancel.Token)).ConfigureAwait(false);
        delayCancel.Cancel(); // release the timer when woken early
        ct.ThrowIfCancellationRequested();
    }

    static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
