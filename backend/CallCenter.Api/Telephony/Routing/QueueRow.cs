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
    /// <summary>The skill group whose agents serve the queue (null: the group named like the queue).</summary>
    public string? SkillGroup { get; set; }
    /// <summary>The business-hours calendar (null: the queue's opensAt/closesAt, looked at by time-of-day only).</summary>
    public string? CalendarId { get; set; }
    /// <summary>Where calls go outside the calendar's hours: one of <see cref="AfterHoursRules.All"/>.</summary>
    public string AfterHours { get; set; } = AfterHoursRules.DutyAgents;
    /// <summary>With <see cref="AfterHoursRules.Overflow"/>: the queue that takes the calls.</summary>
    public string? OverflowQueue { get; set; }
    /// <summary>Retired queues stay readable (history names them) but no IVR key selects them.</summary>
    public bool Active { get; set; } = true;

    public QueueSettings ToSettings() =>
        new(Id, Name, Strategy, IvrKey, ServiceLevelSeconds, MaxWaitSeconds, OpensAt, ClosesAt, DutyAgents)
        {
            SkillGroup = SkillGroup ?? Id, CalendarId = CalendarId, AfterHours = AfterHours, OverflowQueue = OverflowQueue, Active = Active,
        };
}

/// <summary>R-ACD-4: a blocked number, prefix ("0755*") or range ("01088880000-01088889999"); table <c>blacklist_entries</c>.</summary>
public sealed class BlacklistEntryRow
{
    public long Id { get; set; }
    public required string Pattern { get; set; }
    public string Reason { get; set; } = "";
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Which calls the entry blocks: one of <see cref="BlacklistDirections.All"/>.</summary>
    public string Direction { get; set; } = BlacklistDirections.Both;
}

public static class RoutingTables
{
    /// <summary>The ACD's tables in the read-model context (queues and blacklist under migrations, voice messages owned by their projection).</summary>
    public static void Configure(ModelBuilder b)
    {
        b.Entity<QueueRow>(e => { e.ToTable("queues"); e.HasKey(x => x.Id); });
        b.Entity<BlacklistEntryRow>(e => { e.ToTable("blacklist_entries"); e.HasIndex(x => x.Pattern).IsUnique(); e.Property(x => x.Direction).HasDefaultValue(BlacklistDirections.Both); });
        b.Entity<QueueRow>(e => { e.Property(x => x.AfterHours).HasDefaultValue(AfterHoursRules.DutyAgents); e.Property(x => x.Active).HasDefaultValue(true); });
        b.Entity<SkillGroups.SkillGroupRow>(e => { e.ToTable("skill_groups"); e.HasKey(x => x.Id); e.Property(x => x.Active).HasDefaultValue(true); });
        b.Entity<Calendars.BusinessCalendarRow>(e =>
        {
            e.ToTable("business_calendars");
            e.HasKey(x => x.Id);
            e.Property(x => x.Active).HasDefaultValue(true);
            e.Property(x => x.Schedule).HasColumnType("jsonb");
        });
        b.Entity<VoiceMessages.VoiceMessageRow>(e =>
        {
            e.ToTable(VoiceMessages.VoiceMessageRow.Table, t => t.ExcludeFromMigrations());
            e.HasKey(x => x.CallId);
        });
    }
}
