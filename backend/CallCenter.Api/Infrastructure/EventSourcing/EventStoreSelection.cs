using CallCenter.EventStore;
using Npgsql;

namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>
/// Which event store the app uses: EventStoreDB when EVENTSTORE_CONNECTION is set (esdb://…, docs/eventstoredb.md),
/// otherwise the PostgreSQL adapter on CALLCENTER_DB. Read models and projection checkpoints stay in PostgreSQL either way.
/// </summary>
public static class EventStoreSelection
{
    public const string Variable = "EVENTSTORE_CONNECTION";

    public static void AddEventStore(this IServiceCollection services, IConfiguration config)
    {
        if (config[Variable] is { Length: > 0 } esdb)
            services.AddSingleton<IEventStore>(_ => new EventStoreDbEventStore(esdb));
        else
            services.AddSingleton<IEventStore>(sp => new PostgresEventStore(sp.GetRequiredService<NpgsqlDataSource>()));
    }

    /// <summary>For the start-up log: which store, and where (no credentials).</summary>
    public static string Describe(IEventStore store) => store switch
    {
        EventStoreDbEventStore esdb => $"EventStoreDB ({string.Join(",", esdb.Settings.Hosts.Select(h => $"{h.Host}:{h.Port}"))}, tls={esdb.Settings.Tls})",
        PostgresEventStore => "PostgreSQL (CALLCENTER_DB)",
        _ => store.GetType().Name,
    };
}
