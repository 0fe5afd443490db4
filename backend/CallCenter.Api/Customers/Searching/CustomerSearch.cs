using CallCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Customers.Searching;

/// <summary>
/// R-SVC-1: fuzzy customer search on name, address, phone and smart card, in two steps.
/// <list type="number">
/// <item>Matches, ranked: exact id / phone / smart card; the name equal to, starting with, containing
/// the text; the address (spacing-blind around numbers), a phone or the card containing it.</item>
/// <item>When that gives fewer than asked for and no exact id, phone or card: similar by trigrams
/// (pg_trgm <c>%</c> and <c>&lt;%</c>), most similar first — names and addresses for words, smart cards
/// and phones for a number with a digit wrong.</item>
/// </list>
/// Step 1 does not depend on the locale. pg_trgm only sees CJK characters as word characters under a
/// Unicode-aware LC_CTYPE (e.g. C.UTF-8); under the C locale Chinese text has no trigrams and a query's
/// trigrams would come from its digits alone, so there step 2 runs for ASCII-only text only (the SQL asks
/// <c>show_trgm('中文')</c>, which the planner folds to a constant). All conditions are served by the
/// trigram GIN indexes (LIKE included) or the phone GIN index.
/// </summary>
public sealed class CustomerSearch(ReadModelDb db)
{
    public const int MinLength = 2, MaxLength = 64, DefaultTake = 20, MaxTake = 100;

    /// <summary>
    /// One Chinese character is a surname ("王"): agents look customers up by it, so it is a search of its
    /// own — names that begin with it — while one Latin letter or digit is still too little.
    /// </summary>
    public static bool IsSurname(string text) => text.Length == 1 && char.IsLetter(text[0]) && !char.IsAscii(text[0]);

    /// <summary>Problems with the query, by field (empty when it is fine).</summary>
    public static Dictionary<string, string[]> Validate(string? q, int? take)
    {
        var errors = new Dictionary<string, string[]>();
        var text = q?.Trim() ?? "";
        if ((text.Length < MinLength && !IsSurname(text)) || text.Length > MaxLength)
            errors["q"] = [$"Give a surname or {MinLength} to {MaxLength} characters of a name, address, phone or smart-card number."];
        if (take is < 1 or > MaxTake) errors["take"] = [$"take is 1 to {MaxTake}."];
        return errors;
    }

    public async Task<IReadOnlyList<CustomerDto>> SearchAsync(string q, int take, CancellationToken ct = default)
    {
        if (IsSurname(q.Trim())) return await SurnameAsync(q.Trim(), take, ct);
        var terms = SearchTerms.From(q);
        var found = await MatchesAsync(terms, take, ct);
        // An exact id, phone or card is what was meant: no look-alikes then.
        if (found.Count < take && !found.Any(terms.IsExactly))
            found.AddRange(await SimilarAsync(terms, [.. found.Select(c => c.Id)], take - found.Count, ct));
        return found.ConvertAll(CustomerDto.From);
    }

    /// <summary>Customers whose name begins with the surname, by name then id.</summary>
    async Task<IReadOnlyList<CustomerDto>> SurnameAsync(string surname, int take, CancellationToken ct)
    {
        var rows = await db.Customers.FromSqlRaw("""
                select c.* from customers c
                where c.name like @starts
                order by c.name, c.id
                limit @take
                """, Text("starts", $"{surname}%"), Int("take", take))
            .AsNoTracking().ToListAsync(ct);
        return rows.ConvertAll(CustomerDto.From);
    }

    Task<List<CustomerRow>> MatchesAsync(SearchTerms t, int take, CancellationToken ct)
    {
        var like = t.IgnoreCase ? "ilike" : "like";
        var regex = t.IgnoreCase ? "~*" : "~";
        var p = new List<NpgsqlParameter>
        {
            Text("q", t.Text), Text("id", t.Id), Text("contains", t.Contains), Text("starts", t.StartsWith),
            Text("address_like", t.AddressLike), Text("address_regex", t.AddressRegex), Int("take", take),
        };
        List<string> exact = ["c.id = @id"];
        List<string> inOtherFields = [$"(c.address {like} @address_like and c.address {regex} @address_regex)"];
        if (t.Phone is not null) { exact.Add("c.phones @> array[@phone]::text[]"); p.Add(Text("phone", t.Phone)); }
        if (t.Digits is not null) { exact.Add("c.smart_card = @digits"); p.Add(Text("digits", t.Digits)); }
        if (t.DigitFragment is not null)
        {
            inOtherFields.Add("c.smart_card like @fragment");
            inOtherFields.Add("c.phones_text like @fragment");
            p.Add(Text("fragment", t.DigitFragment));
        }
        var isExact = string.Join(" or ", exact);
        var sql = $"""
            select c.* from customers c
            where {isExact} or c.name {like} @contains or {string.Join(" or ", inOtherFields)}
            order by
              case when {isExact} then 0
                   when c.name = @q then 1
                   when c.name {like} @starts then 2
                   when c.name {like} @contains then 3
                   else 4 end,
              similarity(c.name, @q) desc,
              c.id
            limit @take
            """;
        return db.Customers.FromSqlRaw(sql, [.. p]).AsNoTracking().ToListAsync(ct);
    }

    async Task<List<CustomerRow>> SimilarAsync(SearchTerms t, string[] except, int take, CancellationToken ct)
    {
        if (Similarity(t) is not var (condition, score, value)) return [];

        // On a table of a few thousand rows the planner underrates the trigram operators (costed like '=')
        // and would compute the trigrams of every row (~35 ms for 5,000 addresses); the GIN index takes ~3 ms.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("set local enable_seqscan = off", ct);
        var rows = await db.Customers.FromSqlRaw($"""
                select c.* from customers c
                where {condition} and c.id <> all(@except)
                order by {score} desc, c.id
                limit @take
                """,
                Text("q", value),
                new NpgsqlParameter("ascii", NpgsqlDbType.Boolean) { Value = t.Ascii },
                new NpgsqlParameter("except", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = except },
                Int("take", take))
            .AsNoTracking().ToListAsync(ct);
        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>
    /// Step 2's condition, score and compared value: a number with a digit wrong is similar to a smart
    /// card or a phone; words are similar to names and addresses. Null when nothing can be similar.
    /// </summary>
    static (string Condition, string Score, string Value)? Similarity(SearchTerms t) => t.Digits switch
    {
        null => ("(@ascii or cardinality(show_trgm('中文')) > 0) and (c.name % @q or @q <% c.address)",
                 "greatest(similarity(c.name, @q), word_similarity(@q, c.address))", t.Text),
        { Length: < SearchTerms.MinFuzzyDigits } => null,
        var digits => ("(c.smart_card % @q or @q <% c.phones_text)",
                       "greatest(similarity(c.smart_card, @q), word_similarity(@q, c.phones_text))", digits),
    };

    static NpgsqlParameter Text(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };
    static NpgsqlParameter Int(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };
}
