using CallCenter.Agents.CurrentStates;
using CallCenter.Customers;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Calls.ScreenPops;

/// <summary>
/// R-POP: keeps calls by number and work orders by customer, and computes each call's pop when it is first offered
/// (event time only: "before this call" is by the calls' arrival times, and a pop shows what was known at its first offer;
/// facts stored after a pop that should have seen them compute it again, so any arrival order and a rebuild give the same
/// rows — the work orders' status excepted, which is as stored when the pop was computed).
/// Every offer (a transfer too, R-POP-6) pushes the pop to the agent it rings at, and so does joining the call (conference,
/// connect-and-release); a consult or help call carries the
/// pop of the call it is about. Internal calls have none. An outbound call pops by the dialed number for the dialing agent.
/// </summary>
public sealed class ScreenPopProjection(UserDirectory users) : IProjection
{
    public string Name => "screen-pops";
    public EventFilter Filter { get; } = EventFilter.Streams(CallStream.Prefix, WorkOrderStream.Prefix);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existing = 0;
        foreach (var table in ScreenPopTables.All)
            if (await AgentStateProjection.TableExistsAsync(db, table, ct)) existing++;
        var complete = existing == ScreenPopTables.All.Length;
        if (!complete) // a table is missing: all three are rebuilt from the events
            await db.Database.ExecuteSqlRawAsync(string.Concat(ScreenPopTables.All.Select(t => $"drop table if exists {t};")), ct);
        await db.Database.ExecuteSqlRawAsync(ScreenPopTables.Ddl, ct);
        return !complete;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var calls = new CallFactsStore(connection);
        var workOrders = new WorkOrderFactsStore(connection);
        var offers = new PopOffers(new PopsStore(connection), calls, new PopBuilder(new CustomerDirectory(db), calls, workOrders));
        var pushes = new List<PopPush>();
        foreach (var recorded in batch)
        {
            if (recorded.StreamId.StartsWith(WorkOrderStream.Prefix, StringComparison.Ordinal))
            {
                if (WorkOrderStream.Decode(recorded.Type, recorded.Data) is not { } w) continue;
                await (w is WorkOrderDispatched d ? workOrders.DispatchedAsync(d, recorded.Position, ct) : workOrders.ProgressedAsync(w, recorded.Position, ct));
                continue;
            }
            var decoded = CallStream.Decode(recorded.Type, recorded.Data);
            var pushed = decoded switch
            {
                CallArrived e => await Done(calls.ArrivedAsync(e, recorded.Position, ct)),
                CallDialed e => await offers.DialedAsync(e, recorded.Position, ct),
                CallAnswered { Internal: false } e => await Done(calls.AnsweredAsync(e.CallId, e.AgentId, await users.NameOfAsync(e.AgentId, ct), e.At, recorded.Position, ct)),
                CallTagged e => await Done(calls.TaggedAsync(e, recorded.Position, ct)),
                CallOffered e => await offers.OfferedAsync(e, recorded.Position, ct),
                CallConferenced e => await offers.JoinedAsync(e, recorded.Position, ct),
                _ => null,
            };
            if (pushed is not null) pushes.Add(new PopPush(pushed, recorded.Created));
            // A fact stored after a pop that should have seen it (any arrival order): that pop is computed again, at once — at
            // this position, as a rebuild would, whatever the batching.
            if (decoded is CallArrived or CallAnswered { Internal: false } or CallTagged)
                await offers.RecomputeAsync(await calls.PopsToRecomputeAsync(decoded is CallArrived ? [decoded.CallId] : [], [decoded.CallId], [decoded.At], ct), ct);
        }
        return pushes;
    }

    static async Task<ScreenPopDto?> Done(Task write)
    {
        await write;
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) =>
        applied is List<PopPush> { Count: > 0 } pushes ? services.GetRequiredService<ScreenPopPusher>().PushRecentAsync(pushes, ct) : Task.CompletedTask;
}
