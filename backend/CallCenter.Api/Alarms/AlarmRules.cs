using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Alarms;

/// <summary>Thresholds and window an admin set, in effect from <c>At</c> on (event time): the past keeps the rules it had.</summary>
public sealed record AlarmThresholdsSet(int Level3, int Level2, int Level1, int WindowMinutes, string By, DateTimeOffset At);

/// <summary>R-ALARM-1: ≥ Level3 calls in the window → level 3, ≥ Level2 → level 2, ≥ Level1 → level 1.</summary>
public sealed record AlarmRule(DateTimeOffset From, int Level3, int Level2, int Level1, int WindowMinutes)
{
    public static readonly AlarmRule Default = new(DateTimeOffset.MinValue, 5, 10, 20, 60);
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
    public int LevelFor(int count) => count >= Level1 ? 1 : count >= Level2 ? 2 : count >= Level3 ? 3 : AlarmLevels.None;
}

/// <summary>The one `alarmsettings-outage` stream: every change of thresholds, so that replays use the rules of their time.</summary>
public sealed class AlarmRulesStream : IStreamType<IReadOnlyList<AlarmRule>, AlarmThresholdsSet>
{
    public const string Id = "outage";
    public const string Prefix = "alarmsettings-";
    public static string StreamId(string id) => Prefix + id;
    public static IReadOnlyList<AlarmRule> Initial { get; } = [AlarmRule.Default];

    public static IReadOnlyList<AlarmRule> Evolve(IReadOnlyList<AlarmRule> rules, AlarmThresholdsSet e) =>
        [.. rules.Where(r => r.From != e.At).Append(new AlarmRule(e.At, e.Level3, e.Level2, e.Level1, e.WindowMinutes)).OrderBy(r => r.From)];

    public static string WireName(AlarmThresholdsSet e) => "AlarmThresholdsSet.v1";

    public static AlarmThresholdsSet? Decode(string wireName, ReadOnlyMemory<byte> data) =>
        wireName == "AlarmThresholdsSet.v1" ? JsonSerializer.Deserialize<AlarmThresholdsSet>(data.Span, Json.Options) : null;
}
