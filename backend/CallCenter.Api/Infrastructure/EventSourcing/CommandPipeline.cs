using CallCenter.EventStore;

namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>The result of a command: the state after it and the stream revision (the ETag).</summary>
public sealed record Decided<TState>(TState State, long Revision, IReadOnlyList<object> NewEvents);

/// <summary>
/// The one generic pipeline: load the stream → fold → decide (pure) → append at the loaded
/// revision. A concurrent writer makes the append fail with a concurrency conflict (409).
/// </summary>
public sealed class CommandPipeline(IEventStore store)
{
    public async Task<(TState State, long Revision)> LoadAsync<TStream, TState, TEvent>(string id, CancellationToken ct)
        where TStream : IStreamType<TState, TEvent> where TEvent : class
    {
        if (TStream.FoldsInEventTime) return await EventTimeLoader.LoadAsync<TStream, TState, TEvent>(store, id, ct);
        var state = TStream.Initial;
        long revision = -1;
        await foreach (var e in store.ReadStreamAsync(TStream.StreamId(id), ct: ct))
        {
            revision = e.StreamRevision;
            if (TStream.Decode(e.Type, e.Data) is { } decoded) state = TStream.Evolve(state, decoded);
        }
        return (state, revision);
    }

    /// <param name="ifMatch">The revision the client last saw (If-Match), or null to use the loaded one.</param>
    /// <remarks>
    /// The decision is appended at the revision it was decided on, so a fact stored meanwhile (a call leg the PBX reported)
    /// makes the append fail: without If-Match the command is decided again on the state with that fact (a few times), with
    /// If-Match the caller gets the conflict (409).
    /// </remarks>
    public async Task<Decided<TState>> HandleAsync<TStream, TState, TEvent>(
        string id, long? ifMatch, Func<TState, IReadOnlyList<TEvent>> decide, EventMetadata metadata, CancellationToken ct)
        where TStream : IStreamType<TState, TEvent> where TEvent : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, revision) = await LoadAsync<TStream, TState, TEvent>(id, ct);
            if (ifMatch is { } expected && expected != revision)
                throw new WrongExpectedVersionException(TStream.StreamId(id), ExpectedRevision.Exact(expected), revision);
            try { return await AppendAsync<TStream, TState, TEvent>(id, state, revision, decide(state), metadata, ct); }
            catch (WrongExpectedVersionException) when (ifMatch is null && attempt < 5) { }
        }
    }

    /// <summary>Appends what was decided on a state loaded at <paramref name="revision"/> (for handlers that must look something up between load and decide).</summary>
    public async Task<Decided<TState>> AppendAsync<TStream, TState, TEvent>(
        string id, TState state, long revision, IReadOnlyList<TEvent> events, EventMetadata metadata, CancellationToken ct)
        where TStream : IStreamType<TState, TEvent> where TEvent : class
    {
        if (events.Count == 0) return new Decided<TState>(state, revision, []);

        var data = events.Select(e => StreamTypeExtensions.Encode<TStream, TState, TEvent>(e, metadata)).ToList();
        var expectedRevision = revision < 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision);
        var result = await store.AppendAsync(TStream.StreamId(id), expectedRevision, data, ct);
        foreach (var e in events) state = TStream.Evolve(state, e);
        return new Decided<TState>(state, result.NextExpectedRevision, events);
    }
}
