using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

/// <summary>R-ACD-4 for the PBX and the admin pages. Patterns are held for a few seconds; every write reloads them at once.</summary>
public sealed class BlacklistService
{
    readonly IServiceScopeFactory scopes;
    readonly TimeProvider clock;
    readonly Snapshot<(string Pattern, string Direction)[]> patterns;

    public BlacklistService(IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
        this.clock = clock;
        patterns = new(async ct => (await WithDb((db, c) => db.Set<BlacklistEntryRow>().Select(e => new { e.Pattern, e.Direction }).ToArrayAsync(c), ct))
            .Select(e => (e.Pattern, e.Direction)).ToArray(), clock, TimeSpan.FromSeconds(10));
    }

    /// <summary>Whether a call in <paramref name="direction"/> (inbound or outbound) with this number is refused.</summary>
    public async Task<bool> IsBlockedAsync(string number, string direction = BlacklistDirections.Inbound, CancellationToken ct = default) =>
        Blacklist.Matches((await patterns.GetAsync(ct)).Where(p => BlacklistDirections.Blocks(p.Direction, direction)).Select(p => p.Pattern), number);

    public Task<List<BlacklistEntryRow>> AllAsync(CancellationToken ct) =>
        WithDb((db, c) => db.Set<BlacklistEntryRow>().AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(c), ct);

    /// <summary>Adds an entry; the pattern must already be valid (see <see cref="Blacklist.Parse"/>). Null when it is listed already.</summary>
    public async Task<BlacklistEntryRow?> AddAsync(string canonicalPattern, string reason, string createdBy, CancellationToken ct,
        string direction = BlacklistDirections.Both)
    {
        var row = await WithDb(async (db, c) =>
        {
            if (await db.Set<BlacklistEntryRow>().AnyAsync(e => e.Pattern == canonicalPattern, c)) return null;
            var entry = new BlacklistEntryRow { Pattern = canonicalPattern, Reason = reason, CreatedBy = createdBy, CreatedAt = clock.GetUtcNow(), Direction = direction };
            db.Add(entry);
            await db.SaveChangesAsync(c);
            return entry;
        }, ct);
        patterns.Invalidate();
        return row;
    }

    /// <summary>Changes an entry's reason and direction; null when there is no such entry.</summary>
    public async Task<BlacklistEntryRow?> UpdateAsync(long id, string reason, string direction, CancellationToken ct)
    {
        var row = await WithDb(async (db, c) =>
        {
            var entry = await db.Set<BlacklistEntryRow>().FindAsync([id], c);
            if (entry is null) return null;
            entry.Reason = reason;
            entry.Direction = direction;
            await db.SaveChangesAsync(c);
            return entry;
        }, ct);
        patterns.Invalidate();
        return row;
    }

    public async Task RemoveAsync(long id, CancellationToken ct)
    {
        var removed = await WithDb((db, c) => db.Set<BlacklistEntryRow>().Where(e => e.Id == id).ExecuteDeleteAsync(c), ct);
        patterns.Invalidate();
        if (removed == 0) throw new NotFoundException($"No blacklist entry {id}.");
    }

    async Task<T> WithDb<T>(Func<ReadModelDb, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ReadModelDb>(), ct);
    }
}
