using System.Collections.Concurrent;

namespace CallCenter.Auth.LoggingIn;

/// <summary>
/// Failed sign-ins are limited per login name and per client address (issue 17 §5). Only failures count, so a whole
/// office behind one address (200 agents at a shift change) signs in freely; guessing is what gets slowed.
/// <list type="bullet">
/// <item>Per login name: <see cref="PerUser"/> failures within <see cref="Window"/> block further attempts on that name
/// (right or wrong) until the oldest failure leaves the window.</item>
/// <item>Per address: <see cref="PerAddress"/> failures within <see cref="Window"/> block further attempts from it.</item>
/// </list>
/// Kept in memory per instance (a restart forgets it); see docs/deployment.md.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int PerUser = 10;
    public const int PerAddress = 100;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> byUser = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> byAddress = new();

    /// <summary>Null when the attempt may go ahead, else how long until it may (for Retry-After).</summary>
    public TimeSpan? Blocked(string username, string? address)
    {
        var now = clock.GetUtcNow();
        var wait = Wait(byUser, username, PerUser, now);
        if (address is not null) wait = Max(wait, Wait(byAddress, address, PerAddress, now));
        return wait;
    }

    public void Failed(string username, string? address)
    {
        var now = clock.GetUtcNow();
        Add(byUser, username, now);
        if (address is not null) Add(byAddress, address, now);
        if (byUser.Count > 100_000) Sweep(byUser, now);
        if (byAddress.Count > 100_000) Sweep(byAddress, now);
    }

    /// <summary>A successful sign-in clears that name's failures (not the address's).</summary>
    public void Succeeded(string username) => byUser.TryRemove(username, out _);

    TimeSpan? Wait(ConcurrentDictionary<string, Queue<DateTimeOffset>> map, string key, int limit, DateTimeOffset now)
    {
        if (!map.TryGetValue(key, out var q)) return null;
        lock (q)
        {
            while (q.Count > 0 && q.Peek() <= now - Window) q.Dequeue();
            return q.Count >= limit ? q.Peek() + Window - now : null;
        }
    }

    static void Add(ConcurrentDictionary<string, Queue<DateTimeOffset>> map, string key, DateTimeOffset now)
    {
        var q = map.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (q)
        {
            q.Enqueue(now);
            while (q.Count > PerAddress) q.Dequeue();
        }
    }

    void Sweep(ConcurrentDictionary<string, Queue<DateTimeOffset>> map, DateTimeOffset now)
    {
        foreach (var (key, q) in map)
            lock (q) if (q.Count == 0 || q.Last() <= now - Window) map.TryRemove(key, out _);
    }

    static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
