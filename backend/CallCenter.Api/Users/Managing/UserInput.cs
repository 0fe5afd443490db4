using System.Text.RegularExpressions;
using CallCenter.Infrastructure.Auth;

namespace CallCenter.Users.Managing;

/// <summary>POST /api/users (and PUT without id and password). <c>proficiency</c>: skill group → level 1–5 (default 3).</summary>
public sealed record UserBody(string? Id, string? Name, string? Password, string[]? Roles, string[]? AgentTypes, string? Team,
    string[]? SkillGroups, Dictionary<string, int>? Proficiency, string? Extension);

public sealed record UserDto(string Id, string Name, string[] Roles, string[] AgentTypes, string? Team, string[] SkillGroups,
    Dictionary<string, int> Proficiency, string? Extension, bool Disabled);

/// <summary>Field rules for a user; every error names its field (camelCase, as on the wire).</summary>
public static partial class UserInput
{
    public const int DefaultLevel = Telephony.Routing.SkillLevels.Default;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")] public static partial Regex IdPattern();
    [GeneratedRegex("^[0-9]{2,8}$")] private static partial Regex ExtensionPattern();

    public static Dictionary<string, string[]> Check(UserBody b, bool creating, ISet<string> knownGroups, ISet<string> knownTeams)
    {
        var e = new Dictionary<string, string[]>();
        if (creating)
        {
            if (b.Id is null || !IdPattern().IsMatch(b.Id)) e["id"] = ["The login name: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit."];
            if (PasswordPolicy.Check(b.Password, b.Id ?? "") is { } why) e["password"] = [why];
        }
        if (string.IsNullOrWhiteSpace(b.Name) || b.Name.Length > 64 || b.Name.Any(char.IsControl)) e["name"] = ["A name of 1–64 characters."];
        var roles = b.Roles ?? [];
        if (roles.Length == 0 || roles.Any(r => !Roles.All.Contains(r)) || roles.Distinct().Count() != roles.Length)
            e["roles"] = [$"At least one of: {string.Join(", ", Roles.All)} (each once)."];
        var types = b.AgentTypes ?? [];
        if (types.Any(t => !AgentTypes.All.Contains(t)) || types.Distinct().Count() != types.Length)
            e["agentTypes"] = [$"Agent types are among: {string.Join(", ", AgentTypes.All)} (each once)."];
        else if (types.Length > 0 && !roles.Contains(Roles.Agent)) e["agentTypes"] = ["Only agents have agent types."];
        var groups = b.SkillGroups ?? [];
        if (groups.Length > 32 || groups.Distinct().Count() != groups.Length) e["skillGroups"] = ["At most 32 skill groups, each once."];
        else if (groups.FirstOrDefault(g => !knownGroups.Contains(g)) is { } unknown) e["skillGroups"] = [$"There is no skill group '{unknown}'."];
        if (b.Proficiency is { } p)
        {
            if (p.Keys.FirstOrDefault(k => !groups.Contains(k)) is { } stray) e["proficiency"] = [$"'{stray}' is not among the user's skill groups."];
            else if (p.Values.Any(v => v is < 1 or > 5)) e["proficiency"] = ["Proficiency is a level from 1 to 5."];
        }
        if (b.Team is not null && !knownTeams.Contains(b.Team)) e["team"] = [$"There is no team '{b.Team}'."];
        if (b.Extension is not null && !ExtensionPattern().IsMatch(b.Extension)) e["extension"] = ["An extension of 2–8 digits."];
        return e;
    }

    public static int[] Levels(UserBody b) =>
        (b.SkillGroups ?? []).Select(g => b.Proficiency is not null && b.Proficiency.TryGetValue(g, out var l) ? l : DefaultLevel).ToArray();

    public static UserDto Dto(Infrastructure.Persistence.UserRow u) => new(u.Id, u.Name, u.Roles, u.AgentTypes, u.Team, u.SkillGroups,
        u.SkillGroups.Select((g, i) => (g, Level: i < u.SkillLevels.Length ? u.SkillLevels[i] : DefaultLevel)).ToDictionary(x => x.g, x => x.Level),
        u.Extension, u.Disabled);
}
