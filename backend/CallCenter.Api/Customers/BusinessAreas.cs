namespace CallCenter.Customers;

/// <summary>
/// The operator's business areas in the (fictional) city of 镜湖市: the area a customer, a call tag,
/// a work order and an alarm belong to. <see cref="District"/> is the district the area's addresses
/// are written with.
/// </summary>
public sealed record BusinessArea(string Code, string Name, string District);

public static class BusinessAreas
{
    public static readonly IReadOnlyList<BusinessArea> All =
    [
        new("east", "城东", "东湖区"),
        new("west", "城西", "西山区"),
        new("north", "城北", "北岸区"),
        new("south", "城南", "南湖区"),
        new("downtown", "市中心", "中山区"),
        new("riverside", "滨江", "滨江区"),
        new("hightech", "高新区", "高新区"),
        new("oldtown", "老城区", "古城区"),
    ];

    static readonly Dictionary<string, BusinessArea> ByCode = All.ToDictionary(a => a.Code);

    public static BusinessArea? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var a) ? a : null;

    /// <summary>The Chinese display name of an area code (the code itself when unknown).</summary>
    public static string NameOf(string code) => Find(code)?.Name ?? code;
}
