using System.Text.Json;
using CallCenter.Agents;
using CallCenter.Calls;
using CallCenter.Calls.Ingesting;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Simulation.Traffic;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Simulation.History;

public sealed record HistoryRequest(int Days, int Seed, int CallsPerDay, DateOnly? EndDate = null);

/// <summary>Progress of a history run (GET /api/simulator/history).</summary>
public sealed record HistoryProgress(bool Running, int DaysDone, int Days, long Events, double EventsPerSecond, string? Error);

/// <summary>
/// Produces N days of history as fast as possible on a virtual clock: call facts through CTI ingestion (the same
/// command as POST /api/cti/events), the agents' own events and the tags appended as the simulator. Day by day,
/// each agent's events go first, so agent streams stay in event-time order (the reactor's later appends are duplicates).
/// Deterministic: the same request gives the same event ids and data; running it twice stores nothing new.
/// </summary>
public sealed class HistoryGenerator(IServiceScopeFactory scopes, IEventStore store, TimeProvider clock, Infrastructure.CenterClock center)
{
    const int ChunkEvents = 2000;
    volatile HistoryProgress progress = new(false, 0, 0, 0, 0, null);
    public HistoryProgress Progress => progress;

    public async Task<HistoryProgress> RunAsync(HistoryRequest request, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var (agents, callers, customers) = await LoadAsync(ct);
        var zone = center.Zone; // the center's days, in its zone
        var end = request.EndDate ?? center.Today.AddDays(-1);
        var ns = DeterministicGuid.Create(Guid.Empty, $"history/{request.Seed}");
        var sim = new DaySimulation(agents, ns, zone);
        long count = 0;
        progress = new(true, 0, request.Days, 0, 0, null);
        try
        {
            for (var d = 0; d < request.Days; d++)
            {
                var day = end.AddDays(d - request.Days + 1);
                var result = sim.Run(day, TrafficModel.PlanDay(day, request.Seed, callers, new TrafficOptions(request.CallsPerDay, Zone: zone)));
                count += await WriteAsync(result, ns, ct);
                count += await WriteWorkOrdersAsync(WorkOrderHistory.Of(day, result, customers, ns, lastDay: d == request.Days - 1), ns, ct);
                var seconds = clock.GetElapsedTime(started).TotalSeconds;
                progress = new(true, d + 1, request.Days, count, count / Math.Max(seconds, 0.001), null);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            progress = progress with { Running = false, Error = ex.Message };
            throw;
        }
        return progress = progress with { Running = false };
    }

    /// <summary>Stores one simulated day (agent events, CTI facts through ingestion, tags); idempotent by event id.</summary>
    public async Task<long> WriteAsync(SimulatedDay day, Guid ns, CancellationToken ct)
    {
        await Parallel.ForEachAsync(day.AgentEvents, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (kv, ct) =>
        {
            var by = Simulator(kv.Key, ns);
            var data = kv.Value.Select((e, i) => new EventData(day.AgentEventIds[kv.Key][i], AgentStream.WireName(e),
                JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json.Options), by.ToJson())).ToList();
            await store.AppendEachOnceAsync(AgentStream.StreamId(kv.Key), data, ct);
        });
        var chunks = new List<List<CtiEvent>>();
        foreach (var call in day.CtiFacts.GroupBy(f => f.CallId))
        {
            if (chunks.Count == 0 || chunks[^1].Count >= ChunkEvents) chunks.Add([]);
            chunks[^1].AddRange(call);
        }
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (chunk, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IngestCtiEvents(chunk), ct);
        });
        await Parallel.ForEachAsync(day.Tags, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (tag, ct) =>
        {
            var data = new EventData(DeterministicGuid.Create(ns, $"{tag.CallId}/CallTagged"), CallStream.WireName(tag),
                JsonSerializer.SerializeToUtf8Bytes(tag, Json.Options), Simulator(tag.AgentId, ns).ToJson());
            await store.AppendEachOnceAsync(CallStream.StreamId(tag.CallId), [data], ct);
        });
        return day.AgentEvents.Values.Sum(e => e.Count) + day.CtiFacts.Count + day.Tags.Count;
    }

    /// <summary>The day's work orders (<see cref="WorkOrderHistory"/>), each stream once; idempotent by event id.</summary>
    async Task<long> WriteWorkOrdersAsync(IEnumerable<(string WorkOrderId, IReadOnlyList<WorkOrders.WorkOrderEvent> Events)> orders, Guid ns, CancellationToken ct)
    {
        var list = orders.ToList();
        await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (order, ct) =>
        {
            var data = order.Events.Select((e, i) => new EventData(DeterministicGuid.Create(ns, $"workorder/{order.WorkOrderId}/{i}"),
                WorkOrders.WorkOrderStream.WireName(e), JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json.Options),
                Simulator(i == 0 ? ((WorkOrders.WorkOrderDispatched)e).DispatchedBy : "admin", ns).ToJson())).ToList();
            await store.AppendEachOnceAsync(WorkOrders.WorkOrderStream.StreamId(order.WorkOrderId), data, ct);
        });
        return list.Sum(o => o.Events.Count);
    }

    static EventMetadata Simulator(string actor, Guid ns) => new(actor, EventMetadata.Sources.Simulator, ns);

    async Task<(List<SimAgent>, List<Caller>, Dictionary<string, SimCustomer>)> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var agents = await db.Users.AsNoTracking().Where(u => u.Roles.Contains(Roles.Agent)).OrderBy(u => u.Id)
            .Select(u => new SimAgent(u.Id, u.SkillGroups)).ToListAsync(ct);
        var callers = await Caller.AllAsync(db, ct);
        var byPhone = new Dictionary<string, SimCustomer>();
        foreach (var c in await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Area, c.ServiceType, c.Phones }).ToListAsync(ct))
            foreach (var phone in c.Phones) byPhone.TryAdd(phone, new SimCustomer(c.Id, c.Name, c.Area, c.ServiceType));
        return ([.. agents.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)], callers, byPhone);
    }
}
