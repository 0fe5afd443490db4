using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Customers.Authorizations;

public sealed record ReauthorizeBody(string? Device, string? Mac, string? Reason);
public sealed record TemporaryAuthorizationBody(int? Days, string? Reason);

/// <summary>
/// The authorisation use cases (R-SVC-2): validate, look the customer up, load `authorization-{customerId}`, decide
/// (pure, <see cref="AuthorizationDecider"/>), append at the loaded revision. Agents, supervisors and admins (policy Desk).
/// </summary>
public sealed class AuthorizationDesk(CommandPipeline pipeline, CustomerDirectory customers, CurrentUser user, ReadModelDb db, TimeProvider clock)
{
    public const int MaxReason = 200;

    public async Task<CustomerAuthorizationsDto> ReauthorizeAsync(string customerId, ReauthorizeBody? body, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var device = body?.Device?.Trim();
        if (device is null || !AuthorizationDevices.All.Contains(device))
            failures.Add(new("device", $"device is one of {string.Join(", ", AuthorizationDevices.All)}."));
        if (device == AuthorizationDevices.Mac && AuthorizationDecider.NormalizeMac(body?.Mac) is null)
            failures.Add(new("mac", "Give the modem's MAC address, e.g. 00:1A:2B:3C:4D:5E."));
        if (body?.Reason is { Length: > MaxReason }) failures.Add(new("reason", $"At most {MaxReason} characters."));
        if (failures.Count > 0) throw new ValidationException(failures);
        var customer = await CustomerAsync(customerId, ct);
        var decided = await DecideAsync(customer, (s, at) => AuthorizationDecider.Reauthorize(s, customer, device!, body!.Mac, body.Reason, at), ct);
        return With(await HistoryAsync(customer.Id, ct), decided);
    }

    public async Task<CustomerAuthorizationsDto> GrantTemporaryAsync(string customerId, TemporaryAuthorizationBody? body, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        if (body?.Days is not (>= 1 and <= AuthorizationDecider.MaxTemporaryDays))
            failures.Add(new("days", $"days is 1 to {AuthorizationDecider.MaxTemporaryDays}."));
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > MaxReason)
            failures.Add(new("reason", $"Say why (1 to {MaxReason} characters), e.g. the customer's promise to pay."));
        if (failures.Count > 0) throw new ValidationException(failures);
        var customer = await CustomerAsync(customerId, ct);
        var decided = await DecideAsync(customer, (s, at) => AuthorizationDecider.GrantTemporary(s, customer, body!.Days!.Value, body.Reason!, at), ct);
        return With(await HistoryAsync(customer.Id, ct), decided);
    }

    /// <summary>The customer's authorisation now (from its stream, so a change just made is there) and its history (the read model).</summary>
    public async Task<CustomerAuthorizationsDto> HistoryAsync(string customerId, CancellationToken ct)
    {
        var customer = await CustomerAsync(customerId, ct);
        var (state, _) = await pipeline.LoadAsync<CustomerAuthorizationStream, CustomerAuthorization, AuthorizationEvent>(customer.Id, ct);
        var rows = await db.Set<AuthorizationRow>().AsNoTracking().Where(r => r.CustomerId == customer.Id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Position).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new(customer.Id, customer.Status, state.HasTemporaryAt(now) ? state.TemporaryUntil : null, state.Changes, rows.ConvertAll(AuthorizationDto.From));
    }

    async Task<IReadOnlyList<AuthorizationEvent>> DecideAsync(AuthorizationCustomer customer,
        Func<CustomerAuthorization, DateTimeOffset, IReadOnlyList<AuthorizationEvent>> decide, CancellationToken ct) =>
        (await pipeline.HandleAsync<CustomerAuthorizationStream, CustomerAuthorization, AuthorizationEvent>(customer.Id, null,
            s => decide(s, clock.GetUtcNow()), user.Metadata(), ct)).NewEvents.Cast<AuthorizationEvent>().ToList();

    /// <summary>The answer to a command lists the change just made even before the history's read model has it.</summary>
    CustomerAuthorizationsDto With(CustomerAuthorizationsDto now, IReadOnlyList<AuthorizationEvent> decided)
    {
        var missing = decided.Select(e => e switch
            {
                DeviceReauthorized x => new AuthorizationDto(x.CustomerId, AuthorizationKinds.Reauthorized, x.Device, x.Identifier, null, null, x.Reason, user.Id, x.At),
                TemporaryAuthorizationGranted x => new AuthorizationDto(x.CustomerId, AuthorizationKinds.Temporary, null, null, x.Days, x.Until, x.Reason, user.Id, x.At),
                _ => throw new InvalidOperationException(e.GetType().Name),
            })
            .Where(d => !now.History.Any(h => h.Kind == d.Kind && Math.Abs((h.At - d.At).TotalMilliseconds) < 1)) // stored to the microsecond
            .Reverse();
        return now with { History = [.. missing, .. now.History] };
    }

    async Task<AuthorizationCustomer> CustomerAsync(string customerId, CancellationToken ct) =>
        await customers.FindByIdAsync(customerId, ct) is { } c
            ? new AuthorizationCustomer(c.Id, c.Status, c.SmartCard)
            : throw new NotFoundException($"No customer {customerId}.");
}
