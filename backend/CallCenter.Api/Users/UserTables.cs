using Microsoft.EntityFrameworkCore;

namespace CallCenter.Users;

/// <summary>A team (R-ROLE-2): its supervisors act on its members; its admins (team admins) manage its members' accounts.
/// Members are the users whose <c>Team</c> is this team's id.</summary>
public sealed class TeamRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string[] Supervisors { get; set; } = [];
    public string[] Admins { get; set; } = [];
}

/// <summary>One signed-in session (the cookie carries its id): ended by logout, a password or role change, or disabling.</summary>
public sealed class UserSessionRow
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>logout, password-changed, password-reset, roles-changed, disabled.</summary>
    public string? EndedBecause { get; set; }
}

public static class UserTables
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<TeamRow>(e => { e.ToTable("teams"); e.HasKey(x => x.Id); });
        b.Entity<UserSessionRow>(e => { e.ToTable("user_sessions"); e.HasKey(x => x.Id); e.HasIndex(x => x.UserId); });
    }
}
