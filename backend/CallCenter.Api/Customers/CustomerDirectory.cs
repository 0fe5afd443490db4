using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Customers;

/// <summary>Look-ups other slices use: the screen pop (by the caller's number) and call tagging (by id).</summary>
public sealed class CustomerDirectory(ReadModelDb db)
{
    /// <summary>
    /// Every customer with this phone number (0, 1 or several, R-POP-1), active ones first, then by id.
    /// Accepts the number as the PBX or a person writes it; see <see cref="PhoneNumbers.Normalize"/>.
    /// </summary>
    public async Task<IReadOnlyList<CustomerDto>> FindByPhoneAsync(string? phone, CancellationToken ct = default)
    {
        var number = PhoneNumbers.Normalize(phone);
        if (number is null) return [];
        var rows = await db.Customers.AsNoTracking()
            .Where(c => c.Phones.Contains(number))  // phones @> ARRAY[@number], served by the GIN index
            .OrderBy(c => c.Status == CustomerStatuses.Active ? 0 : 1).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return rows.ConvertAll(CustomerDto.From);
    }

    public async Task<CustomerDto?> FindByIdAsync(string? id, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var key = id.Trim().ToUpperInvariant();
        var row = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == key, ct);
        return row is null ? null : CustomerDto.From(row);
    }
}
