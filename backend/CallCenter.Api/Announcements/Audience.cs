using CallCenter.Infrastructure.Persistence;

namespace CallCenter.Announcements;

/// <summary>Whom an announcement is for (R-ANN-1): everyone when every list is empty, else anyone named by work id, skill group, team or area.</summary>
public sealed record AudienceDto(string[]? Agents = null, string[]? SkillGroups = null, string[]? Teams = null, string[]? Areas = null)
{
    public static AudienceDto Of(AnnouncementRow a) => new(a.AudienceAgents, a.AudienceSkillGroups, a.AudienceTeams, a.AudienceAreas);
}

/// <summary>Pure: who an announcement is addressed to, and whether it is valid at a time.</summary>
public static class Audience
{
    public sealed record Member(string Id, string[] SkillGroups, string? Team, string? Area);

    public static bool IsEveryone(AnnouncementRow a) =>
        a.AudienceAgents.Length + a.AudienceSkillGroups.Length + a.AudienceTeams.Length + a.AudienceAreas.Length == 0;

    public static bool Includes(AnnouncementRow a, Member u) =>
        IsEveryone(a) || a.AudienceAgents.Contains(u.Id) || a.AudienceSkillGroups.Intersect(u.SkillGroups).Any()
        || u.Team is not null && a.AudienceTeams.Contains(u.Team) || u.Area is not null && a.AudienceAreas.Contains(u.Area);

    public static bool ValidAt(AnnouncementRow a, DateTimeOffset at) => (a.ValidFrom is null || a.ValidFrom <= at) && (a.ValidTo is null || at < a.ValidTo);
}
