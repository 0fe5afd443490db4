namespace CallCenter.Customers.Seeding;

/// <summary>
/// A tiny deterministic generator (SplitMix64): the same seed gives the same customers on every
/// machine and .NET version, which System.Random does not promise.
/// </summary>
public sealed class SeedRandom(ulong seed)
{
    ulong state = seed;

    public ulong NextULong()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; max.</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    /// <summary>min ≤ result ≤ max.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>0 ≤ result &lt; 1.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by weight: <paramref name="choices"/> are (item, weight) pairs.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, int Weight)> choices)
    {
        var roll = Next(choices.Sum(c => c.Weight));
        foreach (var (item, weight) in choices)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable");
    }
}
