using System.Collections.Immutable;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Alarms;

// Events on `alarm-{area}` (R-ALARM-1, R-ALARM-2). Level: 3 = least severe … 1 = most severe; 0 = no alarm.
public abstract record AlarmEvent(string Area, DateTimeOffset At);
/// <summary>A call in the area was tagged "work order dispatched" at <c>At</c> (the tag's event time): it counts in the windows around it.</summary>
public sealed record AlarmCallCounted(string Area, string CallId, DateTimeOffset At) : AlarmEvent(Area, At);
/// <summary>The call was tagged again with another purpose or area: it no longer counts here.</summary>
public sealed record AlarmCallUncounted(string Area, string CallId, DateTimeOffset At) : AlarmEvent(Area, At);
/// <summary>The level changed at <c>At</c>: Count calls in the window of WindowMinutes ending then.</summary>
public abstract record AlarmLevelChanged(string Area, int FromLevel, int Level, int Count, int WindowMinutes, DateTimeOffset At) : AlarmEvent(Area, At);
public sealed record AlarmRaised(string Area, int FromLevel, int Level, int Count, int WindowMinutes, DateTimeOffset At)
    : AlarmLevelChanged(Area, FromLevel, Level, Count, WindowMinutes, At);
public sealed record AlarmEscalated(string Area, int FromLevel, int Level, int Count, int WindowMinutes, DateTimeOffset At)
    : AlarmLevelChanged(Area, FromLevel, Level, Count, WindowMinutes, At);
public sealed record AlarmDeEscalated(string Area, int FromLevel, int Level, int Count, int WindowMinutes, DateTimeOffset At)
    : AlarmLevelChanged(Area, FromLevel, Level, Count, WindowMinutes, At);
public sealed record AlarmCleared(string Area, int FromLevel, int Level, int Count, int WindowMinutes, DateTimeOffset At)
    : AlarmLevelChanged(Area, FromLevel, Level, Count, WindowMinutes, At);
/// <summary>
/// A tagged call reported late (history ingested after the fact, out of order) changed the past: the level changes
/// from <c>At</c> on are withdrawn, and the corrected ones follow in the same append.
/// </summary>
public sealed record AlarmHistoryRevised(string Area, DateTimeOffset At) : AlarmEvent(Area, At);

/// <summary>One change of level, as the timeline computes it and as the stream records it.</summary>
public sealed record AlarmTransition(DateTimeOffset At, int FromLevel, int Level, int Count, int WindowMinutes)
{
    public string Kind => AlarmLevels.KindOf(FromLevel, Level);
}

public static class AlarmLevels
{
    public const int None = 0;

    /// <summary>Higher is more severe: none 0, level 3 → 1, level 2 → 2, level 1 → 3.</summary>
    public static int Severity(int level) => level == None ? 0 : 4 - level;

    public static string KindOf(int from, int to) =>
        from == None ? "raised" : to == None ? "cleared" : Severity(to) > Severity(from) ? "escalated" : "deEscalated";

    public static AlarmLevelChanged ToEvent(string area, AlarmTransition t) => t.Kind switch
    {
        "raised" => new AlarmRaised(area, t.FromLevel, t.Level, t.Count, t.WindowMinutes, t.At),
        "escalated" => new AlarmEscalated(area, t.FromLevel, t.Level, t.Count, t.WindowMinutes, t.At),
        "deEscalated" => new AlarmDeEscalated(area, t.FromLevel, t.Level, t.Count, t.WindowMinutes, t.At),
        _ => new AlarmCleared(area, t.FromLevel, t.Level, t.Count, t.WindowMinutes, t.At),
    };
}

/// <summary>The calls that count in the area (call id → tag time) and the level changes announced so far.</summary>
public sealed record AlarmArea(ImmutableDictionary<string, DateTimeOffset> Calls, ImmutableList<AlarmTransition> Transitions);

public sealed class AlarmStream : IStreamType<AlarmArea, AlarmEvent>
{
    public const string Prefix = "alarm-";
    public static string StreamId(string area) => Prefix + area;
    public static AlarmArea Initial { get; } = new(ImmutableDictionary<string, DateTimeOffset>.Empty, ImmutableList<AlarmTransition>.Empty);

    public static AlarmArea Evolve(AlarmArea s, AlarmEvent e) => e switch
    {
        AlarmCallCounted x => s with { Calls = s.Calls.SetItem(x.CallId, x.At) },
        AlarmCallUncounted x => s with { Calls = s.Calls.Remove(x.CallId) },
        AlarmLevelChanged x => s with { Transitions = s.Transitions.Add(new AlarmTransition(x.At, x.FromLevel, x.Level, x.Count, x.WindowMinutes)) },
        AlarmHistoryRevised x => s with { Transitions = s.Transitions.RemoveAll(t => t.At >= x.At) },
        _ => s,
    };

    public static string WireName(AlarmEvent e) => e switch
    {
        AlarmCallCounted => "AlarmCallCounted.v1",
        AlarmCallUncounted => "AlarmCallUncounted.v1",
        AlarmRaised => "AlarmRaised.v1",
        AlarmEscalated => "AlarmEscalated.v1",
        AlarmDeEscalated => "AlarmDeEscalated.v1",
        AlarmCleared => "AlarmCleared.v1",
        AlarmHistoryRevised => "AlarmHistoryRevised.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static AlarmEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "AlarmCallCounted.v1" => Read<AlarmCallCounted>(data),
        "AlarmCallUncounted.v1" => Read<AlarmCallUncounted>(data),
        "AlarmRaised.v1" => Read<AlarmRaised>(data),
        "AlarmEscalated.v1" => Read<AlarmEscalated>(data),
        "AlarmDeEscalated.v1" => Read<AlarmDeEscalated>(data),
        "AlarmCleared.v1" => Read<AlarmCleared>(data),
        "AlarmHistoryRevised.v1" => Read<AlarmHistoryRevised>(data),
        _ => null,
    };

    static T? Read<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Json.Options);
}
