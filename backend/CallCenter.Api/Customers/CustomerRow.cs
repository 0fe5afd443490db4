using Microsoft.EntityFrameworkCore;

namespace CallCenter.Customers;

/// <summary>
/// One customer of the operator's billing system, which this directory stands in for (issue 3 item 5).
/// Reference data under EF migrations, not event-sourced (decision 0003). Phones are stored as digits
/// only in their canonical form (see <see cref="PhoneNumbers"/>), so a caller's number from the PBX
/// finds its customers with one index lookup.
/// </summary>
public sealed class CustomerRow
{
    public const string Table = "customers";
    const string PhonesText = "PhonesText"; // a shadow property: the generated column phones_text

    public required string Id { get; set; }              // "C000123"
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string Area { get; set; }            // a BusinessAreas code
    public required string ServiceType { get; set; }     // ServiceTypes
    public required string Level { get; set; }           // CustomerLevels
    public string? SmartCard { get; set; }               // 16 digits; none for broadband-only customers
    public decimal Arrears { get; set; }                 // yuan owed, 0 when paid up
    public string[] Products { get; set; } = [];
    public required string Status { get; set; }          // CustomerStatuses
    public string[] Phones { get; set; } = [];           // canonical digits, e.g. "13912345678", "057187654321"
    public DateOnly CreatedOn { get; set; }

    /// <summary>The table, its indexes and the pg_trgm extension (called from ReadModelDb.OnModelCreating).</summary>
    public static void Configure(ModelBuilder b)
    {
        b.HasPostgresExtension("pg_trgm");
        b.Entity<CustomerRow>(e =>
        {
            e.ToTable(Table);
            e.HasKey(x => x.Id);
            e.Property(x => x.Arrears).HasPrecision(10, 2);
            e.HasIndex(x => x.SmartCard, "ux_customers_smart_card").HasDatabaseName("ux_customers_smart_card").IsUnique();
            // Fuzzy search (R-SVC-1): trigram GIN indexes serve %, <%, similarity ordering and (I)LIKE '%…%'.
            e.HasIndex(x => x.Name, "ix_customers_name_trgm").HasDatabaseName("ix_customers_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => x.Address, "ix_customers_address_trgm").HasDatabaseName("ix_customers_address_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => x.SmartCard, "ix_customers_smart_card_trgm").HasDatabaseName("ix_customers_smart_card_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            // Screen pop (R-POP-1): phones @> array[$1].
            e.HasIndex(x => x.Phones, "ix_customers_phones").HasDatabaseName("ix_customers_phones").HasMethod("gin");
            // Phone fragments ("the last four digits"): all numbers in one generated string, trigram-indexed.
            // customer_phones_text(text[]) is created by the AddCustomers migration (array_to_string is only STABLE).
            e.Property<string>(PhonesText).HasColumnName("phones_text").HasComputedColumnSql("customer_phones_text(phones)", stored: true);
            e.HasIndex([PhonesText], "ix_customers_phones_text_trgm").HasDatabaseName("ix_customers_phones_text_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}

public static class ServiceTypes
{
    public const string CableTv = "cable-tv";
    public const string Broadband = "broadband";
    public const string Bundle = "bundle";
    public static readonly string[] All = [CableTv, Broadband, Bundle];
}

public static class CustomerLevels
{
    public const string Normal = "normal";
    public const string Silver = "silver";
    public const string Gold = "gold";
    public const string Vip = "vip";
    public static readonly string[] All = [Normal, Silver, Gold, Vip];
}

public static class CustomerStatuses
{
    public const string Active = "active";
    public const string SuspendedArrears = "suspended-arrears";
    public const string Cancelled = "cancelled";
    public static readonly string[] All = [Active, SuspendedArrears, Cancelled];
}
