using System.Collections.Concurrent;
using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Auth;

/// <summary>Looks up users (names for pushes and DTOs); names are cached, they rarely change.</summary>
public sealed class UserDirectory(IServiceScopeFactory scopes)
{
    readonly ConcurrentDictionary<string, string> names = new();

    public async Task<string> NameOfAsync(string userId, CancellationToken ct)
    {
        if (names.TryGetValue(userId, out var name)) return name;
        var user = await FindAsync(userId, ct);
        return user is null ? userId : names[userId] = user.Name;
    }

    /// <summary>After an admin changes the user.</summary>
    public void Forget(string userId) => names.TryRemove(userId, out _);

    public async Task<UserRow?> FindAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
    }
}
