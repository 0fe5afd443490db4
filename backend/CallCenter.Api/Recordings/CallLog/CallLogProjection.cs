using CallCenter.Agents.CurrentStates;
using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Recordings.CallLog;

/// <summary>The call log and the recordings' index (R-REC-1), from the call and recording streams (event time only).</summary>
public sealed class CallLogProjection : IProjection
{
    public string Name => "call-log";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix, RecordingStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await AgentStateProjection.TableExistsAsync(db, CallLogTable.Name, ct);
        await db.Database.ExecuteSqlRawAsync(CallLogTable.Ddl, ct);
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var log = new CallLogStore(await Sql.ConnectionAsync(db, ct));
        foreach (var recorded in batch)
        {
            if (recorded.StreamId.StartsWith(RecordingStream.Prefix, StringComparison.Ordinal))
            {
                if (RecordingStream.Decode(recorded.Type, recorded.Data) is RecordingDeleted deleted) await log.RecordingDeletedAsync(deleted, ct);
                continue;
            }
            switch (CallStream.Decode(recorded.Type, recorded.Data))
            {
                case CallArrived x: await log.ArrivedAsync(x, ct); break;
                case CallDialed x: await log.DialedAsync(x, ct); break;
                case CallQueued x: await log.QueuedAsync(x.CallId, x.Queue, x.At, ct); break;
                case CallOffered { Queue: { } queue } x: await log.QueuedAsync(x.CallId, queue, x.At, ct); break;
                case CallAnswered x:
                    await log.JoinedAsync(x.CallId, x.AgentId, ct);
                    if (!x.Internal) await log.AnsweredAtAsync(x.CallId, x.AgentId, x.At, ct);
                    break;
                case CallConferenced { TargetAgentId: { } target } x: await log.JoinedAsync(x.CallId, target, ct); break;
                case CallEnded x: await log.EndedAsync(x, ct); break;
                case CallTagged x: await log.TaggedAsync(x, ct); break;
                case RecordingReady x: await log.RecordedAsync(x, ct); break;
            }
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
