using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallCenter.Tests.Customers;

/// <summary>R-SVC-1: GET /api/customers?q= — fuzzy on name, address, phone and smart card; run under both locales.</summary>
public abstract class CustomerSearchTests<TFixture>(TFixture directory) where TFixture : CustomerDirectoryFixture
{
    readonly HttpClient agent = directory.Agent;

    async Task<List<JsonElement>> Search(string q, int? take = null)
    {
        var url = $"/api/customers?q={Uri.EscapeDataString(q)}" + (take is null ? "" : $"&take={take}");
        var response = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;
    static string[] Phones(JsonElement e) => e.GetProperty("phones").EnumerateArray().Select(p => p.GetString()!).ToArray();

    [Fact]
    public async Task A_name_fragment_finds_the_customer_and_names_that_contain_it_come_first()
    {
        var (id, name) = await OneAsync("select id || '|' || name from customers where char_length(name) = 3 order by id limit 1");
        var fragment = name[1..]; // the given name
        var hits = await Search(fragment, take: 100);
        Assert.Contains(hits, h => Str(h, "id") == id);
        Assert.Contains(fragment, Str(hits[0], "name"));
    }

    [Fact]
    public async Task One_Chinese_character_is_a_surname_and_finds_the_names_that_begin_with_it()
    {
        var surnamed = await directory.ColumnAsync("select id from customers where name like '王%' order by name, id limit 100");
        Assert.NotEmpty(surnamed);
        var hits = await Search(" 王 ", take: 100);
        Assert.Equal(surnamed, hits.Select(h => Str(h, "id")));
        Assert.All(hits, h => Assert.StartsWith("王", Str(h, "name")));
    }

    [Fact]
    public async Task The_full_name_comes_first()
    {
        var (id, name) = await OneAsync("select id || '|' || name from customers where char_length(name) = 3 order by id desc limit 1");
        var hits = await Search(name);
        Assert.Equal(name, Str(hits[0], "name"));
        Assert.Contains(hits.TakeWhile(h => Str(h, "name") == name), h => Str(h, "id") == id);
    }

    [Theory]
    [InlineData("东湖花园 3 栋")]
    [InlineData("东湖花园3栋")]   // as people type it: spacing around numbers does not matter
    public async Task An_address_fragment_finds_every_customer_at_that_place_first(string typed)
    {
        var there = await directory.ColumnAsync("select id from customers where address like '%东湖花园 3 栋%' order by id");
        Assert.InRange(there.Count, 1, 99);
        var hits = await Search(typed, take: 100);
        var leading = hits.Take(there.Count).ToList();
        Assert.Equal(there, leading.Select(h => Str(h, "id")).Order());
        Assert.All(leading, h => Assert.Equal(("east", "城东"), (Str(h, "area"), Str(h, "areaName"))));
        Assert.All(hits.Skip(there.Count), h => Assert.DoesNotContain("东湖花园 3 栋", Str(h, "address"))); // only fuzzy matches follow
    }

    [Fact]
    public async Task A_smart_card_finds_its_customer_first_whole_spaced_or_in_part()
    {
        var (id, card) = await OneAsync("select id || '|' || smart_card from customers where smart_card is not null order by id offset 7 limit 1");
        Assert.Equal(id, Str((await Search(card))[0], "id"));
        Assert.Equal(id, Str((await Search($"{card[..4]} {card[4..8]} {card[8..12]} {card[12..]}"))[0], "id"));
        Assert.Contains(await Search(card[^8..], take: 100), h => Str(h, "id") == id);
    }

    [Fact]
    public async Task A_phone_finds_its_customer_first_as_the_pbx_or_a_person_writes_it()
    {
        var (id, mobile) = await OneAsync("select id || '|' || phones[1] from customers c where cardinality(phones) = 1 and phones[1] like '1%' " +
                                          "and (select count(*) from customers o where o.phones @> c.phones) = 1 order by id limit 1");
        Assert.Equal(id, Str(Assert.Single(await Search(mobile)), "id"));
        Assert.Equal(id, Str((await Search($"+86 {mobile[..3]}-{mobile[3..7]}-{mobile[7..]}"))[0], "id"));
        Assert.Contains(await Search(mobile[^6..], take: 100), h => Str(h, "id") == id);

        var (landlineOwner, landline) = await OneAsync("select id || '|' || p from customers, unnest(phones) p where p like '0571%' order by id limit 1");
        Assert.Equal(landlineOwner, Str((await Search($"0571-{landline[4..]}"))[0], "id"));
    }

    [Fact]
    public async Task A_card_or_phone_with_a_digit_wrong_is_found_by_similarity()
    {
        static string OneWrong(string digits, int at) => digits[..at] + (char)('0' + (digits[at] - '0' + 1) % 10) + digits[(at + 1)..];
        var (cardOwner, card) = await OneAsync("select id || '|' || smart_card from customers where smart_card is not null order by id offset 11 limit 1");
        Assert.Contains(await Search(OneWrong(card, 9)), h => Str(h, "id") == cardOwner);
        var (phoneOwner, mobile) = await OneAsync("select id || '|' || phones[1] from customers where phones[1] like '1%' order by id offset 11 limit 1");
        Assert.Contains(await Search(OneWrong(mobile, 6)), h => Str(h, "id") == phoneOwner);
    }

    [Fact]
    public async Task A_shared_phone_returns_every_customer_with_it()
    {
        var shared = await directory.ColumnAsync("select p from customers, unnest(phones) p group by p having count(*) >= 3 order by p limit 1");
        var number = Assert.Single(shared);
        var owners = await directory.ColumnAsync($"select id from customers where phones @> array['{number}'] order by id");
        Assert.InRange(owners.Count, 3, 6);

        var hits = await Search(number);
        Assert.Equal(owners, hits.Take(owners.Count).Select(h => Str(h, "id")).Order());
        Assert.All(hits.Take(owners.Count), h => Assert.Contains(number, Phones(h)));

        var found = await directory.WithDirectoryAsync(d => d.FindByPhoneAsync(number));
        Assert.Equal(owners, found.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task FindByPhone_gives_one_none_or_several_and_reads_local_landlines()
    {
        var (id, mobile) = await OneAsync("select id || '|' || phones[1] from customers c where phones[1] like '1%' " +
                                          "and (select count(*) from customers o where o.phones @> array[c.phones[1]]) = 1 order by id limit 1");
        Assert.Equal(id, Assert.Single(await directory.WithDirectoryAsync(d => d.FindByPhoneAsync("0086" + mobile))).Id);
        Assert.Empty(await directory.WithDirectoryAsync(d => d.FindByPhoneAsync("13000000000")));
        Assert.Empty(await directory.WithDirectoryAsync(d => d.FindByPhoneAsync("anonymous")));

        var landline = (await directory.ColumnAsync("select p from customers, unnest(phones) p where p like '0571%' group by p having count(*) between 2 and 6 limit 1"))[0];
        var family = await directory.WithDirectoryAsync(d => d.FindByPhoneAsync(landline[4..])); // as a local call presents it
        Assert.InRange(family.Count, 2, 6);
        Assert.All(family, c => Assert.Contains(landline, c.Phones));
    }

    [Fact]
    public async Task Results_carry_profile_and_business_data_and_respect_take()
    {
        var hits = await Search("花园", take: 5);
        Assert.Equal(5, hits.Count);
        foreach (var field in new[] { "id", "name", "phones", "address", "area", "areaName", "serviceType", "level", "smartCard", "arrears", "products", "status" })
            Assert.True(hits[0].TryGetProperty(field, out _), $"missing {field}");
        Assert.Equal(20, (await Search("花园")).Count);
    }

    [Fact]
    public async Task One_customer_by_id()
    {
        var (id, name) = await OneAsync("select id || '|' || name from customers where status = 'suspended-arrears' order by id limit 1");
        var customer = await agent.GetFromJsonAsync<JsonElement>($"/api/customers/{id.ToLowerInvariant()}");
        Assert.Equal(id, Str(customer, "id"));
        Assert.Equal(name, Str(customer, "name"));
        Assert.True(customer.GetProperty("arrears").GetDecimal() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/customers/C999999")).StatusCode);
    }

    [Theory]
    [InlineData("/api/customers", "q")]
    [InlineData("/api/customers?q=", "q")]
    [InlineData("/api/customers?q=%20%20", "q")]
    [InlineData("/api/customers?q=a", "q")]
    [InlineData("/api/customers?q=7", "q")]
    [InlineData("/api/customers?q=东湖&take=0", "take")]
    [InlineData("/api/customers?q=东湖&take=101", "take")]
    public async Task A_missing_short_or_oversized_query_is_400_naming_the_field(string url, string field)
    {
        var response = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Without_a_session_it_is_401()
    {
        var anonymous = directory.App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/customers?q=东湖")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/customers/C000001")).StatusCode);
    }

    [Theory]
    [InlineData("supervisor1")]
    [InlineData("admin")]
    [InlineData("analyst")]
    [InlineData("auditor")]
    public async Task Every_role_may_search(string user)
    {
        var client = await directory.App.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/customers?q=东湖")).StatusCode);
    }

    [Fact]
    public async Task A_misspelt_name_finds_similar_names_where_trigrams_see_chinese()
    {
        var (id, name) = await OneAsync("select id || '|' || name from customers where char_length(name) = 3 order by id limit 1");
        var misspelt = name[..2] + "犇"; // no such given name in the seed
        Assert.Empty(await directory.ColumnAsync($"select id from customers where name like '%{misspelt}%'"));
        var hits = await Search(misspelt, take: 100);
        if (directory.TrigramsSeeChinese) Assert.Contains(hits, h => Str(h, "id") == id);
        else Assert.Empty(hits); // under the C locale Chinese has no trigrams: substring matches only
    }

    async Task<(string, string)> OneAsync(string sql)
    {
        var value = (await directory.ColumnAsync(sql)).First();
        var parts = value.Split('|');
        return (parts[0], parts[1]);
    }
}

public sealed class CustomerSearchTests(DefaultLocaleDirectory directory)
    : CustomerSearchTests<DefaultLocaleDirectory>(directory), IClassFixture<DefaultLocaleDirectory>;

public sealed class CustomerSearchUnderCLocaleTests(CLocaleDirectory directory)
    : CustomerSearchTests<CLocaleDirectory>(directory), IClassFixture<CLocaleDirectory>;
