using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Customers.Authorizations;

/// <summary>What a re-authorisation renews the customer's entitlement on (R-SVC-2).</summary>
public static class AuthorizationDevices
{
    public const string SmartCard = "smart-card";
    public const string Mac = "mac";
    public static readonly string[] All = [SmartCard, Mac];
}

// Events on `authorization-{customerId}`: every change to one customer's authorisation (R-SVC-2). The actor is in the metadata.
public abstract record AuthorizationEvent(string CustomerId, DateTimeOffset At);
/// <summary>The smart card or the broadband modem (by its MAC address) was authorised again (a lost entitlement, a swapped modem).</summary>
public sealed record DeviceReauthorized(string CustomerId, string Device, string Identifier, string? Reason, DateTimeOffset At) : AuthorizationEvent(CustomerId, At);
/// <summary>A customer suspended for arrears gets service until <c>Until</c> (a promise to pay).</summary>
public sealed record TemporaryAuthorizationGranted(string CustomerId, int Days, DateTimeOffset Until, string Reason, DateTimeOffset At) : AuthorizationEvent(CustomerId, At);

/// <summary>One customer's authorisations: how many changes, the last one, and the temporary grant's end (if any).</summary>
public sealed record CustomerAuthorization(int Changes, DateTimeOffset? LastAt, DateTimeOffset? TemporaryUntil)
{
    public bool HasTemporaryAt(DateTimeOffset at) => TemporaryUntil is { } until && until > at;
}

public sealed class CustomerAuthorizationStream : IStreamType<CustomerAuthorization, AuthorizationEvent>
{
    public const string Prefix = "authorization-";
    public static string StreamId(string customerId) => Prefix + customerId;
    public static CustomerAuthorization Initial { get; } = new(0, null, null);

    public static CustomerAuthorization Evolve(CustomerAuthorization s, AuthorizationEvent e) => e switch
    {
        DeviceReauthorized x => s with { Changes = s.Changes + 1, LastAt = x.At },
        TemporaryAuthorizationGranted x => s with { Changes = s.Changes + 1, LastAt = x.At, TemporaryUntil = x.Until },
        _ => s,
    };

    public static string WireName(AuthorizationEvent e) => e switch
    {
        DeviceReauthorized => "DeviceReauthorized.v1",
        TemporaryAuthorizationGranted => "TemporaryAuthorizationGranted.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static AuthorizationEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "DeviceReauthorized.v1" => JsonSerializer.Deserialize<DeviceReauthorized>(data.Span, Json.Options),
        "TemporaryAuthorizationGranted.v1" => JsonSerializer.Deserialize<TemporaryAuthorizationGranted>(data.Span, Json.Options),
        _ => null,
    };
}
