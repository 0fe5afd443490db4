namespace CallCenter.Tests.Infrastructure;

/// <summary>Polls with a deadline for eventual consistency (never a bare sleep).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        T last;
        while (true)
        {
            last = await read();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in time: {what ?? typeof(T).Name}; last value: {last}");
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Waits until <paramref name="read"/> reaches <paramref name="target"/>, failing only when it stops moving for
    /// <paramref name="stall"/>: progress, not a wall-clock guess (a loaded machine is slow, not stuck).
    /// </summary>
    public static async Task ProgressAsync(Func<Task<ulong>> read, ulong target, TimeSpan stall, string what)
    {
        var last = await read();
        var movedAt = DateTime.UtcNow;
        while (last < target)
        {
            await Task.Delay(100);
            var now = await read();
            if (now != last) (last, movedAt) = (now, DateTime.UtcNow);
            else if (DateTime.UtcNow - movedAt > stall) throw new TimeoutException($"No progress for {stall.TotalSeconds:F0} s: {what}; at {last} of {target}");
        }
    }
}
