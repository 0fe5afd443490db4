namespace CallCenter.Telephony.Routing;

/// <summary>
/// A small reference table held in memory for a few seconds, so the PBX does not query it on every call.
/// Writers call <see cref="Invalidate"/> after saving: the next read loads afresh (an admin change takes effect on the next call).
/// </summary>
public sealed class Snapshot<T>(Func<CancellationToken, Task<T>> load, TimeProvider clock, TimeSpan maxAge)
{
    sealed record Held(T Value, DateTimeOffset LoadedAt, long Version);
    Held? held; // replaced whole, so readers never see a torn value
    long version;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var seen = Interlocked.Read(ref version);
        if (Volatile.Read(ref held) is { } h && h.Version == seen && now - h.LoadedAt < maxAge) return h.Value;
        var value = await load(ct);
        Volatile.Write(ref held, new Held(value, now, seen)); // a write during the load bumped the version: the next read reloads
        return value;
    }

    public void Invalidate() => Interlocked.Increment(ref version);
}
