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
}
