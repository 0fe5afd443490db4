using System.Collections.Concurrent;
using System.Security.Claims;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Realtime;
using CallCenter.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Auth;

/// <summary>
/// Server-side sessions: the cookie names a row of <c>user_sessions</c>, checked on every request (cached for
/// <see cref="CacheFor"/>, and dropped at once when this instance ends the session), so logout, a password or role
/// change and disabling end a session within a second. The user's open desktops are told over SignalR.
/// </summary>
public sealed class Sessions(IServiceScopeFactory scopes, IHubContext<DesktopHub> hub, TimeProvider clock)
{
    public const string ClaimType = "sid";
    public static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);
    readonly ConcurrentDictionary<Guid, (bool Live, DateTimeOffset Until)> cache = new();

    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimType), out var id) ? id : null;

    public async Task<Guid> StartAsync(ReadModelDb db, string userId, CancellationToken ct)
    {
        var session = new UserSessionRow { Id = Guid.NewGuid(), UserId = userId, StartedAt = clock.GetUtcNow() };
        db.Set<UserSessionRow>().Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public async Task<bool> IsLiveAsync(Guid sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(sessionId, out var hit) && hit.Until > now) return hit.Live;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var live = await db.Set<UserSessionRow>().AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && !u.Disabled), ct);
        cache[sessionId] = (live, now + CacheFor);
        if (cache.Count > 50_000) cache.Clear(); // bounded: entries are only a short cache
        return live;
    }

    public Task EndAsync(Guid sessionId, string because, CancellationToken ct) => EndWhereAsync(s => s.Id == sessionId, because, null, ct);

    /// <summary>Ends every open session of the user (but <paramref name="except"/>) and tells their desktops.</summary>
    public Task EndAllAsync(string userId, string because, Guid? except, CancellationToken ct) =>
        EndWhereAsync(s => s.UserId == userId && (except == null || s.Id != except), because, userId, ct);

    async Task EndWhereAsync(System.Linq.Expressions.Expression<Func<UserSessionRow, bool>> which, string because, string? userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var now = clock.GetUtcNow();
        var ended = await db.Set<UserSessionRow>().Where(which).Where(s => s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        await db.Set<UserSessionRow>().Where(s => ended.Contains(s.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedBecause, because), ct);
        foreach (var id in ended) cache[id] = (false, now + TimeSpan.FromMinutes(5));
        if (userId is not null && ended.Count > 0)
            await hub.Clients.Group(DesktopHub.UserGroup(userId)).SendAsync("sessionEnded", new { reason = because }, ct);
    }

    /// <summary>Cookie hook: a cookie whose session has ended (or that names none) signs nobody in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal is null ? null : IdOf(context.Principal);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (id is not null && await sessions.IsLiveAsync(id.Value, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
