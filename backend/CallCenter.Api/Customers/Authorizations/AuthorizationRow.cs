using Microsoft.EntityFrameworkCore;

namespace CallCenter.Customers.Authorizations;

/// <summary>Read model: one row per authorisation change (R-SVC-2's history), owned by <see cref="AuthorizationHistoryProjection"/>.</summary>
public sealed class AuthorizationRow
{
    public const string Table = "customer_authorizations";
    public Guid EventId { get; set; }
    public required string CustomerId { get; set; }
    /// <summary>reauthorized | temporary</summary>
    public required string Kind { get; set; }
    public string? Device { get; set; }
    public string? Identifier { get; set; }
    public int? Days { get; set; }
    public DateTimeOffset? Until { get; set; }
    public string? Reason { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public long Position { get; set; }

    public const string Ddl = """
        create table if not exists customer_authorizations (
            event_id uuid primary key,
            customer_id text not null,
            kind text not null,
            device text,
            identifier text,
            days integer,
            until timestamptz,
            reason text,
            by text not null,
            at timestamptz not null,
            position bigint not null);
        create index if not exists ix_customer_authorizations_customer on customer_authorizations (customer_id, at desc);
        """;

    public static void Configure(ModelBuilder b) => b.Entity<AuthorizationRow>(e =>
    {
        e.ToTable(Table, t => t.ExcludeFromMigrations());
        e.HasKey(x => x.EventId);
    });
}

public static class AuthorizationKinds
{
    public const string Reauthorized = "reauthorized";
    public const string Temporary = "temporary";
}

/// <summary>One change in a customer's authorisation history.</summary>
public sealed record AuthorizationDto(string CustomerId, string Kind, string? Device, string? Identifier, int? Days, DateTimeOffset? Until,
    string? Reason, string By, DateTimeOffset At)
{
    public static AuthorizationDto From(AuthorizationRow r) => new(r.CustomerId, r.Kind, r.Device, r.Identifier, r.Days, r.Until, r.Reason, r.By, r.At);
}

/// <summary>
/// A customer's authorisation now and its history, newest first. <c>Changes</c> is how many changes the customer's stream
/// holds: while the history (a read model) lists fewer, it is catching up and the client asks again.
/// </summary>
public sealed record CustomerAuthorizationsDto(string CustomerId, string Status, DateTimeOffset? TemporaryUntil, int Changes, IReadOnlyList<AuthorizationDto> History);
