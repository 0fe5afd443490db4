using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing;

/// <summary>Reference data: one ACD queue per skill group (table <c>queues</c>, admin-edited, R-ACD-2/3).</summary>
public sealed class QueueRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public required string Strategy { get; set; }
    public string? IvrKey { get; set; }
    public int ServiceLevelSeconds { get; set; }
    public int MaxWaitSeconds { get; set; }
    public TimeOnly OpensAt { get; set; }
    public TimeOnly ClosesAt { get; set; }
    public string[] DutyAgents { get; set; } = [];
    public int SortOrder { get; set; }

    public QueueSettings ToSettings() =>
        new(Id, Name, Strategy, IvrKey, ServiceLevelSeconds, MaxWaitSeconds, OpensAt, ClosesAt, DutyAgents);
}

/// <summary>R-ACD-4: a blocked number, prefix ("0755*") or range ("01088880000-01088889999"); table <c>blacklist_entries</c>.</summary>
public sealed class BlacklistEntryRow
{
    public long Id { get; set; }
    public required string Pattern { get; set; }
    public string Reason { get; set; } = "";
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class RoutingTables
{
    /// <summary>The ACD's tables in the read-model context (queues and blacklist under migrations, voice messages owned by their projection).</summary>
    public static void Configure(ModelBuilder b)
    {
        b.Entity<QueueRow>(e => { e.ToTable("queues"); e.HasKey(x => x.Id); });
        b.Entity<BlacklistEntryRow>(e => { e.ToTable("blacklist_entries"); e.HasIndex(x => x.Pattern).IsUnique(); });
        b.Entity<VoiceMessages.VoiceMessageRow>(e =>
        {
            e.ToTable(VoiceMessages.VoiceMessageRow.Table, t => t.ExcludeFromMigrations());
            e.HasKey(x => x.CallId);
        });
    }
}
