using CallCenter.Customers;

namespace CallCenter.Calls.ScreenPops;

/// <summary>
/// Computes a pop (R-POP-1…5) from the caller's number: the customers with that number, and for exactly one
/// (or the one the agent chose) the profile, business data and last work orders; the number's last calls before this one.
/// Three indexed look-ups, whatever the history's length.
/// </summary>
public sealed class PopBuilder(CustomerDirectory directory, CallFactsStore calls, WorkOrderFactsStore workOrders)
{
    public const int MaxCustomers = 5;
    public const int MaxCalls = 4;
    public const int MaxWorkOrders = 4;

    /// <summary>The pop of <paramref name="call"/> offered at <paramref name="offeredAt"/>: the number's calls that arrived before the call, as known then.</summary>
    public async Task<PopContent> BuildAsync(CallFacts call, DateTimeOffset offeredAt, CancellationToken ct)
    {
        var customers = await directory.FindByPhoneAsync(call.Ani, ct);
        var recentCalls = await calls.RecentAsync(CallFactsStore.NumberOf(call.Ani), call.ArrivedAt ?? offeredAt, offeredAt, call.CallId, MaxCalls, ct);
        return await WithCustomersAsync(call, customers, recentCalls, ct);
    }

    /// <summary>The agent picked one customer (of several, or from a search): that customer's single view with the call's history.</summary>
    public async Task<PopContent> ForCustomerAsync(PopContent pop, CustomerDto customer, CancellationToken ct) =>
        await WithCustomersAsync(new CallFacts(pop.AboutCallId, null, pop.Ani, pop.Dnis, pop.IvrTrail, null, null), [customer], pop.RecentCalls, ct);

    async Task<PopContent> WithCustomersAsync(CallFacts call, IReadOnlyList<CustomerDto> customers, IReadOnlyList<RecentCall> recentCalls, CancellationToken ct)
    {
        var single = customers.Count == 1 ? customers[0] : null;
        var orders = single is null ? [] : await workOrders.RecentAsync(single.Id, MaxWorkOrders, ct);
        return new PopContent(call.CallId, call.Ani, call.Dnis, call.IvrTrail, PopMatches.Of(customers.Count),
            customers.Take(MaxCustomers).Select(CustomerSummary.From).ToList(),
            single is null ? null : CustomerProfile.From(single), single is null ? null : BusinessData.From(single),
            recentCalls, orders);
    }
}
