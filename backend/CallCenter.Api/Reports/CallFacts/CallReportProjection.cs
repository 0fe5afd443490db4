using CallCenter.Agents.CurrentStates;
using CallCenter.Calls;
using CallCenter.Calls.ScreenPops;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Reports.OneTimeFix;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Reports.CallFacts;

/// <summary>
/// The facts the call reports read (R-RPT-1, -2, -4 satisfaction) and the one-time-fix outcomes. Event time only:
/// "now" is the latest PBX event time seen (tags are excluded: an agent's tag is not the PBX's clock),
/// so a rebuild from position 0, or the same events in another order, give the same rows.
/// </summary>
public sealed class CallReportProjection : IProjection
{
    public string Name => "call-reports";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existing = 0;
        foreach (var table in CallReportTables.All)
            if (await AgentStateProjection.TableExistsAsync(db, table, ct)) existing++;
        var complete = existing == CallReportTables.All.Length;
        if (!complete) // a table is missing: all are rebuilt from the events
            await db.Database.ExecuteSqlRawAsync(string.Concat(CallReportTables.All.Select(t => $"drop table if exists {t};")), ct);
        await db.Database.ExecuteSqlRawAsync(CallReportTables.Ddl, ct);
        return !complete;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var store = new CallReportStore(connection);
        var calls = new HashSet<string>();
        var numbers = new HashSet<string>();
        DateTimeOffset? latest = null;
        foreach (var recorded in batch)
        {
            if (CallStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            calls.Add(e.CallId);
            if (e is not CallTagged && (latest is null || e.At > latest)) latest = e.At;
            switch (e)
            {
                case CallArrived x:
                    await store.ArrivedAsync(x, ct);
                    if (CallFactsStore.NumberOf(x.Ani) is { } number) numbers.Add(number);
                    break;
                case CallQueued x: await store.QueuedAsync(x.CallId, x.Queue, x.At, ct); break;
                case CallOffered { Queue: { } queue } x: await store.QueuedAsync(x.CallId, queue, x.At, ct); break;
                case CallAnswered { Internal: false } x: await store.AnsweredAsync(x, ct); break;
                case CallEnded x: await store.EndedAsync(x, ct); break;
                case CallTagged x: await store.TaggedAsync(x, ct); break;
                case SurveyCompleted x: await store.SurveyedAsync(x, ct); break;
            }
        }
        if (latest is { } at) await store.AdvanceClockAsync(at, ct);
        if (calls.Count > 0) await OneTimeFixOutcomes.RecomputeAsync(connection, calls, numbers, ct);
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
