namespace CallCenter.Telephony.Routing.SkillGroups;

/// <summary>
/// Reference data (table <c>skill_groups</c>, R-ACD-2): a group of agents a queue serves. Agents belong to groups through their
/// user's <c>skill_groups</c> (primary first); retired groups stay readable because history names them.
/// </summary>
public sealed class SkillGroupRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? NameZh { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
}
