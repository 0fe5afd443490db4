using CallCenter.EventStore;

namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>
/// What the generic command pipeline needs to know about one stream type: its stream id,
/// initial state, evolve, and how its events map to and from their versioned wire names.
/// One implementation per stream type, in that stream type's own file.
/// </summary>
public interface IStreamType<TState, TEvent> where TEvent : class
{
    static abstract string StreamId(string id);
    static abstract TState Initial { get; }
    static abstract TState Evolve(TState state, TEvent @event);
    static abstract string WireName(TEvent @event);
    /// <summary>Null for event types this stream type does not know (they are skipped when folding).</summary>
    static abstract TEvent? Decode(string wireName, ReadOnlyMemory<byte> data);
    /// <summary>
    /// True: the stream is folded in the events' own time order (ties in stream order), not in the order they were stored,
    /// and loaded from a snapshot (<see cref="EventTimeLoader"/>, decision 0012). Needs <see cref="EventTime"/>.
    /// </summary>
    static virtual bool FoldsInEventTime => false;
    static virtual DateTimeOffset EventTime(TEvent @event) => default;
    /// <summary>The order of events with the same <see cref="EventTime"/> (lower first; equal ranks stay in stream order).</summary>
    static virtual int EventRank(TEvent @event) => 0;
}

public static class StreamTypeExtensions
{
    public static EventData Encode<TStream, TState, TEvent>(TEvent @event, EventMetadata metadata)
        where TStream : IStreamType<TState, TEvent> where TEvent : class =>
        new(Guid.NewGuid(), TStream.WireName(@event),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Json.Options),
            metadata.ToJson());
}
