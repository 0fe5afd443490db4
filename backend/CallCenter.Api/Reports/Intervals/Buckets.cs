namespace CallCenter.Reports.Intervals;

/// <summary>15-minute buckets of event time. UTC+8 has a whole-hour offset, so a bucket starts on the quarter hour in the center's time too.</summary>
public static class Buckets
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    public static DateTimeOffset StartOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % Length.Ticks, TimeSpan.Zero);
    }

    /// <summary>[from, to) cut at bucket boundaries: (bucket start, milliseconds in it). Nothing when to is not after from.</summary>
    public static IEnumerable<(DateTimeOffset Bucket, long Ms)> Split(DateTimeOffset from, DateTimeOffset to)
    {
        var at = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        while (at < end)
        {
            var bucket = StartOf(at);
            var next = bucket + Length < end ? bucket + Length : end;
            yield return (bucket, Ms(at, next));
            at = next;
        }
    }

    public static long Ms(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (to.UtcTicks - from.UtcTicks) / TimeSpan.TicksPerMillisecond);
}
