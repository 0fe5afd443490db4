using CallCenter.Agents.CurrentStates;
using CallCenter.Calls.Purposes;
using CallCenter.Customers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Infrastructure.Persistence;

/// <summary>
/// The PostgreSQL side that is not the event store: reference data and configuration (users,
/// reason codes, settings, announcements, the login log) under EF migrations, plus the read models
/// that projections own. A projection's tables are created by the projection itself (so that dropping
/// them, or a new projection version, rebuilds them from the events) and are excluded from migrations.
/// </summary>
public sealed class ReadModelDb(DbContextOptions<ReadModelDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<UserRow> Users => Set<UserRow>();
    public DbSet<LoginLogRow> LoginLog => Set<LoginLogRow>();
    public DbSet<ReasonCodeRow> ReasonCodes => Set<ReasonCodeRow>();
    public DbSet<SettingRow> Settings => Set<SettingRow>();
    public DbSet<AnnouncementRow> Announcements => Set<AnnouncementRow>();
    public DbSet<AnnouncementReadRow> AnnouncementReads => Set<AnnouncementReadRow>();
    public DbSet<ProjectionCheckpointRow> ProjectionCheckpoints => Set<ProjectionCheckpointRow>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AgentStateRow> AgentStates => Set<AgentStateRow>();
    public DbSet<CallPurposeRow> CallPurposes => Set<CallPurposeRow>();
    public DbSet<CustomerRow> Customers => Set<CustomerRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<UserRow>(e => { e.ToTable("users"); e.HasKey(x => x.Id); });
        b.Entity<LoginLogRow>(e => { e.ToTable("login_log"); e.HasIndex(x => new { x.Username, x.At }); });
        b.Entity<ReasonCodeRow>(e => { e.ToTable("reason_codes"); e.HasKey(x => x.Code); });
        b.Entity<SettingRow>(e => { e.ToTable("settings"); e.HasKey(x => x.Key); });
        b.Entity<AnnouncementRow>(e => e.ToTable("announcements"));
        b.Entity<AnnouncementReadRow>(e => { e.ToTable("announcement_reads"); e.HasKey(x => new { x.AnnouncementId, x.UserId }); });
        b.Entity<ProjectionCheckpointRow>(e => { e.ToTable("projection_checkpoints"); e.HasKey(x => x.Name); });
        b.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        b.Entity<CallPurposeRow>(e => { e.ToTable("call_purposes"); e.HasKey(x => x.Code); });
        CallCenter.Users.UserTables.Configure(b); // teams, user_sessions
        CustomerRow.Configure(b); // customers table, trigram and phone indexes, pg_trgm
        CallCenter.Customers.Authorizations.AuthorizationRow.Configure(b); // customer_authorizations (projection's, not migrated)
        CallCenter.Telephony.Routing.RoutingTables.Configure(b); // queues, blacklist_entries; voice_messages (projection's)
        b.Entity<AgentStateRow>(e =>
        {
            e.ToTable(AgentStateRow.Table, t => t.ExcludeFromMigrations());
            e.HasKey(x => x.AgentId);
            e.Property(x => x.StateJson).HasColumnType("jsonb");
            e.Ignore(x => x.ChangedBy); // agent_state_changed_by, written by the projection
        });
    }
}

public sealed class UserRow
{
    public required string Id { get; set; }               // the login name, also the agent id / work ID
    public required string Name { get; set; }
    public required string PasswordHash { get; set; }
    public string[] Roles { get; set; } = [];
    public string[] SkillGroups { get; set; } = [];
    public string? Extension { get; set; }
    public string? Team { get; set; }
    public string? Area { get; set; }
    /// <summary>Disabled users cannot sign in and their sessions end; they are never deleted (history keeps them).</summary>
    public bool Disabled { get; set; }
    /// <summary>inbound, outbound, qa, training (<see cref="CallCenter.Infrastructure.Auth.AgentTypes"/>).</summary>
    public string[] AgentTypes { get; set; } = [];
    /// <summary>Proficiency 1–5 of each skill group, in the order of <see cref="SkillGroups"/>.</summary>
    public int[] SkillLevels { get; set; } = [];
}

/// <summary>R-LOGIN-1: every login attempt.</summary>
public sealed class LoginLogRow
{
    public long Id { get; set; }
    public required string Username { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Ip { get; set; }
    public string[] SkillGroups { get; set; } = [];
    public bool Succeeded { get; set; }
    public string? Failure { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>R-STATE-2: admin-defined not-ready reasons.</summary>
public sealed class ReasonCodeRow
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    /// <summary>R-STATE-3: going not ready with this reason needs a supervisor's approval.</summary>
    public bool NeedsApproval { get; set; }
    /// <summary>At most this many agents away with this reason at once (null: no limit), for the supervisor desk.</summary>
    public int? MaxAway { get; set; }
}

public sealed class SettingRow
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

public sealed class AnnouncementRow
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public bool Urgent { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? Author { get; set; }
    // R-ANN-1: the audience (all empty: everyone) and the validity window (null: open).
    public string[] AudienceAgents { get; set; } = [];
    public string[] AudienceSkillGroups { get; set; } = [];
    public string[] AudienceTeams { get; set; } = [];
    public string[] AudienceAreas { get; set; } = [];
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>R-ANN-1: who has read which announcement, when (once per user).</summary>
public sealed class AnnouncementReadRow
{
    public long AnnouncementId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

public sealed class ProjectionCheckpointRow
{
    public required string Name { get; set; }
    public long Position { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
