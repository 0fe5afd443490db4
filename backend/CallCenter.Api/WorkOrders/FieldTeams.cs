using CallCenter.Customers;

namespace CallCenter.WorkOrders;

public sealed record Technician(string Id, string Name, string Team);
public sealed record FieldTeam(string Id, string Name, string Area, IReadOnlyList<Technician> Technicians);

/// <summary>
/// The field-service teams work orders are assigned to (R-WO-2): one team per business area with three technicians.
/// Reference data of the demo operator; the flow records ids, so a real roster can replace this list.
/// </summary>
public static class FieldTeams
{
    static readonly string[] Names = ["王师傅", "李师傅", "张师傅", "刘师傅", "陈师傅", "杨师傅", "赵师傅", "黄师傅", "周师傅", "吴师傅", "徐师傅", "孙师傅",
        "胡师傅", "朱师傅", "高师傅", "林师傅", "何师傅", "郭师傅", "马师傅", "罗师傅", "梁师傅", "宋师傅", "郑师傅", "谢师傅"];

    public static readonly IReadOnlyList<FieldTeam> All = BusinessAreas.All.Select((a, i) => new FieldTeam(
        "team-" + a.Code, a.Name + "维修队", a.Code,
        Enumerable.Range(1, 3).Select(n => new Technician($"tech-{a.Code}-{n}", Names[(i * 3 + n - 1) % Names.Length], "team-" + a.Code)).ToList())).ToList();

    static readonly Dictionary<string, Technician> TechniciansById = All.SelectMany(t => t.Technicians).ToDictionary(t => t.Id);
    static readonly Dictionary<string, FieldTeam> TeamsById = All.ToDictionary(t => t.Id);

    public static Technician? FindTechnician(string? id) => id is not null && TechniciansById.TryGetValue(id, out var t) ? t : null;
    public static FieldTeam? FindTeam(string? id) => id is not null && TeamsById.TryGetValue(id, out var t) ? t : null;
}
