using CallCenter.Customers;
using FluentValidation;
using FluentValidation.Results;

namespace CallCenter.Calls.Tagging;

/// <summary>The business area a tag records: the chosen customer's, else the caller's when exactly one customer has that number.</summary>
public sealed class CustomerAreas(CustomerDirectory directory)
{
    public async Task<string?> AreaOfAsync(string? customerId, string? ani, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(customerId))
            return (await directory.FindByIdAsync(customerId, ct))?.Area
                ?? throw new ValidationException([new ValidationFailure("customerId", $"There is no customer '{customerId}'.")]);
        var callers = await directory.FindByPhoneAsync(ani, ct);
        return callers.Count == 1 ? callers[0].Area : null;
    }
}
