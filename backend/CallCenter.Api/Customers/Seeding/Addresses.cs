namespace CallCenter.Customers.Seeding;

/// <summary>
/// Addresses in 镜湖市: district + residential compound + building / unit / room, e.g.
/// "东湖区东湖花园 3 栋 2 单元 501"; the old town also has street numbers, e.g. "古城区青石街 12 号".
/// </summary>
public static class Addresses
{
    /// <summary>Compounds per area code; the east's first two match the seeded outage announcement.</summary>
    static readonly Dictionary<string, string[]> Compounds = new()
    {
        ["east"] = ["东湖花园", "金桥新村", "朝阳小区", "东方明珠苑", "湖畔人家", "春晖家园"],
        ["west"] = ["西山雅苑", "枫林小区", "翠微花园", "西城人家", "银杏苑", "青松里"],
        ["north"] = ["北岸华庭", "星河湾", "北辰新村", "望江苑", "丰收小区", "龙泉花园"],
        ["south"] = ["南湖春天", "阳光新城", "桃源小区", "南苑新村", "锦绣家园", "荷塘月色"],
        ["downtown"] = ["中山大厦", "人民路小区", "解放公寓", "府前花园", "文化里", "鼓楼新村"],
        ["riverside"] = ["滨江花园", "江景豪庭", "临江小区", "白鹭洲", "金沙湾", "听涛苑"],
        ["hightech"] = ["科技城公寓", "创新苑", "软件园人才公寓", "智慧家园", "数码港小区", "未来城"],
        ["oldtown"] = ["钟楼新村", "城隍庙小区", "西门里", "老街坊"],
    };

    static readonly string[] OldTownStreets = ["青石街", "古城巷", "打铜巷", "米市街", "南门街"];

    /// <summary>A new dwelling in <paramref name="area"/>.</summary>
    public static Dwelling Dwelling(SeedRandom r, BusinessArea area)
    {
        if (area.Code == "oldtown" && r.Chance(0.4))
            return new Dwelling(area.District, r.Pick(OldTownStreets), Building: r.Between(1, 120), Unit: 0, Floor: 0, Room: 0);
        var floors = r.Chance(0.7) ? 6 : 18;
        return new Dwelling(area.District, r.Pick(Compounds[area.Code]), r.Between(1, 24), r.Between(1, 4), r.Between(1, floors), r.Between(1, 4));
    }

    /// <summary>Another flat in the same building (a landlord's tenants).</summary>
    public static Dwelling Neighbour(SeedRandom r, Dwelling d) => d.Unit == 0
        ? d with { Building = d.Building + r.Between(1, 3) }
        : d with { Unit = r.Between(1, 4), Floor = r.Between(1, 6), Room = r.Between(1, 4) };
}

public sealed record Dwelling(string District, string Place, int Building, int Unit, int Floor, int Room)
{
    public override string ToString() => Unit == 0
        ? $"{District}{Place} {Building} 号"
        : $"{District}{Place} {Building} 栋 {Unit} 单元 {Floor}{Room:00}";
}
