namespace CallCenter.Telephony.Routing;

/// <summary>
/// A small reference table held in memory for a few seconds, so the PBX does not query it on every call.
/// Writers call <see cref="Invalidate"/> after saving: the next read loads afresh (an admin change takes effect on the next call).
/// </summary>
public sealed class Snapshot<T>(Func<CancellationToken, Task<T>> load, TimeProvider clock, TimeSpan maxAge)
{
    (T Value, DateTimeOffset LoadedAt, long Version)? held;
    long version;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var current = held;
        var now = clock.GetUtcNow();
        if (current is { } c && c.Version == Volatile.Read(ref version) && now - c.LoadedAt < maxAge) return c.Value;
        var seen = Volatile.Read(ref version);
        var value = await load(ct);
        held = (value, now, seen); // a write during the load bumped the version: the next read reloads
        return value;
    }

    public void Invalidate() => Interlocked.Increment(ref version);
}
