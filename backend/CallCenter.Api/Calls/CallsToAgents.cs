using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Calls.Ingesting;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;

namespace CallCenter.Calls;

/// <summary>
/// Safety net (decision 0012): the CTI ingestion stores each call leg on the agent's stream in the same request as the call's
/// fact; this reactor writes the same legs again, with the same ids, for a call fact whose leg was not stored (a crash
/// between the two appends). Every other append of it is a duplicate the store ignores, so its lag changes no result.
/// </summary>
public sealed class CallsToAgents(IEventStore store) : IReactor
{
    public string Name => "calls-to-agents";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix);

    public Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct) => Task.FromResult(false);

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        foreach (var recorded in batch)
        {
            if (CallStream.Decode(recorded.Type, recorded.Data) is not { } call) continue;
            if (AgentLegs.Follows(call) is not { } leg) continue;
            await store.AppendAsync(AgentStream.StreamId(leg.AgentId), ExpectedRevision.Any, [AgentLegs.ToEventData(leg, recorded.EventId)], ct);
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>What a call event means for the agents on it (see <see cref="AgentLegs.Follows"/>).</summary>
    public static AgentEvent? Follows(CallEvent e) => AgentLegs.Follows(e);
}
