using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Startup;

/// <summary>Before serving: the event store's schema, EF migrations, demo data.</summary>
public static class Startup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IEventStore>();
        app.Logger.LogInformation("Event store: {Store}", CallCenter.Infrastructure.EventSourcing.EventStoreSelection.Describe(store));
        if (store is PostgresEventStore postgres) await postgres.EnsureSchemaAsync();
        var db = services.GetRequiredService<ReadModelDb>();
        await db.Database.MigrateAsync();
        await Http.Idempotency.EnsureTableAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), CancellationToken.None); // decision 0023
        await Projections.Faults.ProjectionFaults.EnsureTableAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), CancellationToken.None); // decision 0026
        // Read-model tables exist before the first request, even while their projection catches up.
        foreach (var projection in services.GetServices<IProjection>())
            await ProjectionRunner.EnsureStorageAsync(projection, db, CancellationToken.None);
        await Projections.Rebuilds.ProjectionEndpoints.EnsureVersionsAsync(services, CancellationToken.None);
        await CallCenter.Settings.SettingsEndpoints.LoadCenterZoneAsync(services, CancellationToken.None); // the center's time zone (decision 0008)
        var options = services.GetRequiredService<AppOptions>();
        var hasher = services.GetRequiredService<IPasswordHasher<UserRow>>();
        await DemoData.SeedReferenceDataAsync(db, CancellationToken.None);
        if (options.Production)
            await Bootstrap.EnsureFirstAdminAsync(db, hasher, services.GetRequiredService<CallCenter.Users.Trail.AdminChanges>(), options, app.Logger, CancellationToken.None);
        else
            await DemoData.SeedAsync(db, hasher, options.DemoPassword, CancellationToken.None);
    }
}
