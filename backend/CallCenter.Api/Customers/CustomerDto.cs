namespace CallCenter.Customers;

/// <summary>A customer as the API shows it: profile (R-POP-2) and business data (R-POP-3).</summary>
public sealed record CustomerDto(
    string Id,
    string Name,
    string[] Phones,
    string Address,
    string Area,
    string AreaName,
    string ServiceType,
    string Level,
    string? SmartCard,
    decimal Arrears,
    string[] Products,
    string Status,
    DateOnly CreatedOn)
{
    public static CustomerDto From(CustomerRow c) => new(
        c.Id, c.Name, c.Phones, c.Address, c.Area, BusinessAreas.NameOf(c.Area), c.ServiceType, c.Level,
        c.SmartCard, c.Arrears, c.Products, c.Status, c.CreatedOn);
}
