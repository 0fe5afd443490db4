using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

/// <summary>The queues as the PBX reads them: held for a few seconds, reloaded right after an admin change.</summary>
public sealed class QueueDirectory
{
    public const string General = "general";
    readonly Snapshot<IReadOnlyList<QueueSettings>> queues;
    readonly Snapshot<IReadOnlyDictionary<string, Calendars.CalendarSchedule>> calendars;

    public QueueDirectory(IServiceScopeFactory scopes, TimeProvider clock)
    {
        queues = new(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            var rows = await db.Set<QueueRow>().AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
            return rows.Select(r => r.ToSettings()).ToList();
        }, clock, TimeSpan.FromSeconds(10));
        calendars = new(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            var rows = await db.Set<Calendars.BusinessCalendarRow>().AsNoTracking().ToListAsync(ct);
            return rows.ToDictionary(r => r.Id, r => r.ToSchedule());
        }, clock, TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Whether the queue takes calls as usual at <paramref name="local"/> (the center's local time, <see cref="CallCenter.Infrastructure.CenterClock.Local(DateTimeOffset)"/>):
    /// by its calendar when it has one, else by opensAt/closesAt for time-of-day and always for the other strategies.
    /// </summary>
    public async Task<bool> IsOpenAsync(QueueSettings q, DateTimeOffset local, CancellationToken ct = default)
    {
        if (q.CalendarId is { } id && (await calendars.GetAsync(ct)).TryGetValue(id, out var schedule))
            return Calendars.BusinessHours.IsOpen(schedule, local.DateTime);
        return q.Strategy != RoutingStrategies.TimeOfDay || Router.IsOpen(q, local);
    }

    public Task<IReadOnlyList<QueueSettings>> AllAsync(CancellationToken ct = default) => queues.GetAsync(ct);

    public async Task<QueueSettings?> ByIdAsync(string id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(q => q.Id == id);

    /// <summary>The queue of the first IVR key in the trail that selects one; otherwise general (or the first queue).</summary>
    public async Task<QueueSettings> ByIvrTrailAsync(string[]? trail, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        foreach (var key in trail ?? [])
            if (all.FirstOrDefault(q => q.Active && q.IvrKey is not null && q.IvrKey == key) is { } chosen) return chosen;
        return all.FirstOrDefault(q => q.Id == General) ?? all.FirstOrDefault(q => q.Active) ?? all.FirstOrDefault()
            ?? throw new InvalidOperationException("No queues are configured.");
    }

    internal void Invalidate()
    {
        queues.Invalidate();
        calendars.Invalidate();
    }
}
