using System.Text.RegularExpressions;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Customers.Authorizations;

/// <summary>The customer facts a decision needs (from the customer directory, the billing system's stand-in).</summary>
public sealed record AuthorizationCustomer(string Id, string Status, string? SmartCard);

/// <summary>Pure decisions on one customer's authorisation (R-SVC-2); time comes from the edge.</summary>
public static partial class AuthorizationDecider
{
    public const int MaxTemporaryDays = 7;

    /// <summary>Re-authorises the smart card on file, or a modem by its MAC address (normalised to AA:BB:CC:DD:EE:FF).</summary>
    public static IReadOnlyList<AuthorizationEvent> Reauthorize(CustomerAuthorization s, AuthorizationCustomer c, string device, string? mac, string? reason, DateTimeOffset at)
    {
        if (c.Status == CustomerStatuses.Cancelled)
            throw new RuleViolationException($"Customer {c.Id} is cancelled: there is nothing to authorise.", "customerCancelled");
        if (c.Status == CustomerStatuses.SuspendedArrears && !s.HasTemporaryAt(at))
            throw new RuleViolationException($"Customer {c.Id} is suspended for arrears: grant a temporary authorisation first.", "suspendedForArrears");
        var identifier = device == AuthorizationDevices.SmartCard
            ? c.SmartCard ?? throw new RuleViolationException($"Customer {c.Id} has no smart card.", "noSmartCard")
            : NormalizeMac(mac) ?? throw new ArgumentException("mac");
        return [new DeviceReauthorized(c.Id, device, identifier, Clean(reason), at)];
    }

    /// <summary>Service for a few days to a customer suspended for arrears; once at a time (a running grant is not stacked).</summary>
    public static IReadOnlyList<AuthorizationEvent> GrantTemporary(CustomerAuthorization s, AuthorizationCustomer c, int days, string reason, DateTimeOffset at)
    {
        if (c.Status != CustomerStatuses.SuspendedArrears)
            throw new RuleViolationException($"Customer {c.Id} is not suspended for arrears.", "notSuspendedForArrears");
        if (s.HasTemporaryAt(at))
            throw new RuleViolationException($"Customer {c.Id} already has a temporary authorisation until {s.TemporaryUntil:O}.", "temporaryAuthorizationRunning",
                new Dictionary<string, string> { ["until"] = s.TemporaryUntil!.Value.ToString("O") });
        return [new TemporaryAuthorizationGranted(c.Id, days, at.AddDays(days), reason.Trim(), at)];
    }

    /// <summary>A MAC address in any common spelling (colons, dashes, dots or none) as AA:BB:CC:DD:EE:FF; null when it is not one.</summary>
    public static string? NormalizeMac(string? mac)
    {
        if (mac is null) return null;
        var hex = Separators().Replace(mac.Trim(), "");
        if (!Hex12().IsMatch(hex)) return null;
        return string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2).ToUpperInvariant()));
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("[:\\-.]")] private static partial Regex Separators();
    [GeneratedRegex("^[0-9A-Fa-f]{12}$")] private static partial Regex Hex12();
}
