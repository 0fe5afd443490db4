using CallCenter.Customers;

namespace CallCenter.Calls.ScreenPops;

/// <summary>
/// The screen pop of one offered call (R-POP-1…5), as GET /api/calls/{callId}/screen-pop and the "screenPop" push show it.
/// CallId: the call that rings; AboutCallId: the customer call the pop is about (differs for a consult or help call, R-POP-6);
/// AgentId: the agent it was (last) offered to.
/// </summary>
public sealed record ScreenPopDto(
    string CallId, string AboutCallId, string? AgentId, string? Ani, string? Dnis, string[] IvrTrail, string Match,
    IReadOnlyList<CustomerSummary> Customers, CustomerProfile? Customer, BusinessData? Business,
    IReadOnlyList<RecentCall> RecentCalls, IReadOnlyList<RecentWorkOrder> RecentWorkOrders)
{
    public static ScreenPopDto From(string callId, string? agentId, PopContent p) => new(
        callId, p.AboutCallId, agentId, p.Ani, p.Dnis, p.IvrTrail, p.Match, p.Customers, p.Customer, p.Business, p.RecentCalls, p.RecentWorkOrders);
}

/// <summary>What the projection stores per call (jsonb): the pop computed when the call was first offered.</summary>
public sealed record PopContent(
    string AboutCallId, string? Ani, string? Dnis, string[] IvrTrail, string Match,
    IReadOnlyList<CustomerSummary> Customers, CustomerProfile? Customer, BusinessData? Business,
    IReadOnlyList<RecentCall> RecentCalls, IReadOnlyList<RecentWorkOrder> RecentWorkOrders);

public static class PopMatches
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string None = "none";
    public static string Of(int customers) => customers switch { 0 => None, 1 => Single, _ => Multiple };
}

/// <summary>R-POP-1: one of several customers with the caller's number, to pick from.</summary>
public sealed record CustomerSummary(string Id, string Name, string Address, string Area, string AreaName, string ServiceType, string Level)
{
    public static CustomerSummary From(CustomerDto c) => new(c.Id, c.Name, c.Address, c.Area, c.AreaName, c.ServiceType, c.Level);
}

/// <summary>R-POP-2: profile.</summary>
public sealed record CustomerProfile(string Id, string Name, string[] Phones, string Address, string Area, string AreaName, string ServiceType, string Level)
{
    public static CustomerProfile From(CustomerDto c) => new(c.Id, c.Name, c.Phones, c.Address, c.Area, c.AreaName, c.ServiceType, c.Level);
}

/// <summary>R-POP-3: business data.</summary>
public sealed record BusinessData(string? SmartCard, decimal Arrears, string[] Products, string Status)
{
    public static BusinessData From(CustomerDto c) => new(c.SmartCard, c.Arrears, c.Products, c.Status);
}

/// <summary>R-POP-4: an earlier call from the same number.</summary>
public sealed record RecentCall(string CallId, DateTimeOffset At, string? Ani, string[] IvrTrail, string? Purpose, string? Subtype, string? AgentId, string? AgentName);

/// <summary>R-POP-5: one of the customer's work orders.</summary>
public sealed record RecentWorkOrder(string Id, string Serial, string Type, DateTimeOffset DispatchedAt, string CustomerName, string Area, string AreaName,
    string ServiceType, string Status, string CurrentStep);
