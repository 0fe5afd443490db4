using System.Text.Json;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Settings;

/// <summary>A change of a center setting, in effect from <c>At</c> on (event time); <c>By</c> is who made it.</summary>
public abstract record CenterSettingChanged(string By, DateTimeOffset At);

/// <summary>The center's IANA time zone (days, hours, weeks… of reports, audit, serials, business hours). Changes no stored event.</summary>
public sealed record CenterTimeZoneSet(string TimeZone, string By, DateTimeOffset At) : CenterSettingChanged(By, At);

/// <summary>KPI setting: abandons with a wait shorter than this are "short" (docs/kpis.md).</summary>
public sealed record ShortAbandonThresholdSet(int Seconds, string By, DateTimeOffset At) : CenterSettingChanged(By, At);

/// <summary>KPI setting: a queue's service-level threshold T (answered within T seconds). <c>At</c> = MinValue: what it was before any recorded change.</summary>
public sealed record QueueServiceLevelSet(string Queue, int Seconds, string By, DateTimeOffset At) : CenterSettingChanged(By, At);

/// <summary>A value and the time it took effect.</summary>
public readonly record struct Effective(DateTimeOffset From, int Value);

/// <summary>
/// Every center setting over time: the zone in use, and each KPI parameter's history, so that a projection reads the
/// value in effect at an event's time and a rebuild reproduces what was reported before a change (decision 0008).
/// </summary>
public sealed record CenterSettingsHistory(string TimeZone, IReadOnlyList<Effective> ShortAbandon, IReadOnlyDictionary<string, IReadOnlyList<Effective>> QueueServiceLevel)
{
    public const int DefaultShortAbandonSeconds = 5;
    public const int DefaultServiceLevelSeconds = 20;

    public static CenterSettingsHistory Empty { get; } = new(CenterTime.DefaultZoneId, [], new Dictionary<string, IReadOnlyList<Effective>>());

    /// <summary>The value in effect at <paramref name="at"/>: the latest taking effect at or before it; null before the first.</summary>
    public static int? ValueAt(IReadOnlyList<Effective> history, DateTimeOffset at)
    {
        int? value = null;
        foreach (var e in history) if (e.From <= at) value = e.Value; else break;
        return value;
    }

    public int ShortAbandonSecondsAt(DateTimeOffset at) => ValueAt(ShortAbandon, at) ?? DefaultShortAbandonSeconds;

    /// <summary>The queue's threshold at that time; null when no change was ever recorded for it (the configured value then applies).</summary>
    public int? ServiceLevelSecondsAt(string queue, DateTimeOffset at) =>
        QueueServiceLevel.TryGetValue(queue, out var h) ? ValueAt(h, at) : null;

    public static IReadOnlyList<Effective> With(IReadOnlyList<Effective> history, DateTimeOffset from, int value) =>
        [.. history.Where(e => e.From != from).Append(new Effective(from, value)).OrderBy(e => e.From)];
}

/// <summary>The one <c>centersettings-center</c> stream.</summary>
public sealed class CenterSettingsStream : IStreamType<CenterSettingsHistory, CenterSettingChanged>
{
    public const string Id = "center";
    public const string Prefix = "centersettings-";
    public static string StreamId(string id) => Prefix + id;
    public static CenterSettingsHistory Initial => CenterSettingsHistory.Empty;

    public static CenterSettingsHistory Evolve(CenterSettingsHistory s, CenterSettingChanged e) => e switch
    {
        CenterTimeZoneSet z => s with { TimeZone = z.TimeZone },
        ShortAbandonThresholdSet a => s with { ShortAbandon = CenterSettingsHistory.With(s.ShortAbandon, a.At, a.Seconds) },
        QueueServiceLevelSet q => s with
        {
            QueueServiceLevel = new Dictionary<string, IReadOnlyList<Effective>>(s.QueueServiceLevel)
            {
                [q.Queue] = CenterSettingsHistory.With(s.QueueServiceLevel.GetValueOrDefault(q.Queue) ?? [], q.At, q.Seconds),
            },
        },
        _ => s,
    };

    public static string WireName(CenterSettingChanged e) => e switch
    {
        CenterTimeZoneSet => "CenterTimeZoneSet.v1",
        ShortAbandonThresholdSet => "ShortAbandonThresholdSet.v1",
        QueueServiceLevelSet => "QueueServiceLevelSet.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static CenterSettingChanged? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "CenterTimeZoneSet.v1" => JsonSerializer.Deserialize<CenterTimeZoneSet>(data.Span, Json.Options),
        "ShortAbandonThresholdSet.v1" => JsonSerializer.Deserialize<ShortAbandonThresholdSet>(data.Span, Json.Options),
        "QueueServiceLevelSet.v1" => JsonSerializer.Deserialize<QueueServiceLevelSet>(data.Span, Json.Options),
        _ => null,
    };
}
