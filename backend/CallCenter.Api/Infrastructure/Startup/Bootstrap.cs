using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Users.Trail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Startup;

/// <summary>
/// Production's first admin (docs/deployment.md): CALLCENTER_BOOTSTRAP_ADMIN and CALLCENTER_BOOTSTRAP_PASSWORD create
/// that admin only while no admin exists, so the secret works once; afterwards it is ignored (and should be removed).
/// Neither the password nor any other secret is logged.
/// </summary>
public static class Bootstrap
{
    public static async Task EnsureFirstAdminAsync(ReadModelDb db, IPasswordHasher<UserRow> hasher, AdminChanges trail, AppOptions options,
        ILogger log, CancellationToken ct)
    {
        var hasAdmin = await db.Users.AnyAsync(u => u.Roles.Contains(Roles.Admin) && !u.Disabled, ct);
        if (hasAdmin)
        {
            if (options.BootstrapPassword is not null)
                log.LogWarning("An admin exists: CALLCENTER_BOOTSTRAP_PASSWORD is ignored. Remove it from the environment.");
            return;
        }
        if (options.BootstrapAdmin is null || options.BootstrapPassword is null)
        {
            log.LogWarning("No admin exists yet. Start once with CALLCENTER_BOOTSTRAP_ADMIN and CALLCENTER_BOOTSTRAP_PASSWORD to create the first one.");
            return;
        }
        if (await db.Users.AnyAsync(u => u.Id == options.BootstrapAdmin, ct))
            throw new InvalidOperationException($"CALLCENTER_BOOTSTRAP_ADMIN names an existing user who is not an enabled admin; choose another login name.");
        var admin = new UserRow { Id = options.BootstrapAdmin, Name = options.BootstrapAdmin, Roles = [Roles.Admin], PasswordHash = "" };
        admin.PasswordHash = hasher.HashPassword(admin, options.BootstrapPassword);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        await trail.AppendAsync(AdminChanges.UserStream(admin.Id), new EventMetadata("bootstrap", EventMetadata.Sources.System, Guid.NewGuid()), ct,
            new UserCreated(admin.Id, admin.Name, admin.Roles, [], null, [], [], null, DateTimeOffset.UtcNow));
        log.LogInformation("Created the first admin '{Admin}' from the bootstrap settings. Remove CALLCENTER_BOOTSTRAP_PASSWORD now.", admin.Id);
    }
}
