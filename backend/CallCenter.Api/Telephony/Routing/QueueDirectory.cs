using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

/// <summary>The queues as the PBX reads them: held for a few seconds, reloaded right after an admin change.</summary>
public sealed class QueueDirectory
{
    public const string General = "general";
    readonly Snapshot<IReadOnlyList<QueueSettings>> queues;

    public QueueDirectory(IServiceScopeFactory scopes, TimeProvider clock) =>
        queues = new(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
            var rows = await db.Set<QueueRow>().AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
            return rows.Select(r => r.ToSettings()).ToList();
        }, clock, TimeSpan.FromSeconds(10));

    public Task<IReadOnlyList<QueueSettings>> AllAsync(CancellationToken ct = default) => queues.GetAsync(ct);

    public async Task<QueueSettings?> ByIdAsync(string id, CancellationToken ct = default) =>
        (await AllAsync(ct)).FirstOrDefault(q => q.Id == id);

    /// <summary>The queue of the first IVR key in the trail that selects one; otherwise general (or the first queue).</summary>
    public async Task<QueueSettings> ByIvrTrailAsync(string[]? trail, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        foreach (var key in trail ?? [])
            if (all.FirstOrDefault(q => q.IvrKey is not null && q.IvrKey == key) is { } chosen) return chosen;
        return all.FirstOrDefault(q => q.Id == General) ?? all.FirstOrDefault()
            ?? throw new InvalidOperationException("No queues are configured.");
    }

    internal void Invalidate() => queues.Invalidate();
}
