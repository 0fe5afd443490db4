namespace CallCenter.Customers.Seeding;

/// <summary>
/// Deterministic, realistic customers of a cable-TV / broadband operator. Customers come in
/// households: most alone, about one household in eight shares a number among 2–6 customers — a
/// family's landline at one address, or a landlord's mobile given for the tenants of one building —
/// so that about 8% of all numbers belong to several customers (R-POP-1's "several" case).
/// </summary>
public static class CustomerGenerator
{
    public const ulong DefaultSeed = 20261122;

    static readonly (BusinessArea Item, int Weight)[] AreaWeights =
        BusinessAreas.All.Select(a => (a, a.Code switch { "downtown" => 18, "east" or "south" => 15, "hightech" => 10, "oldtown" => 8, _ => 12 })).ToArray();
    static readonly (int Item, int Weight)[] HouseholdSizes = [(2, 40), (3, 30), (4, 15), (5, 9), (6, 6)];
    static readonly (string Item, int Weight)[] ServiceWeights = [(ServiceTypes.CableTv, 45), (ServiceTypes.Broadband, 25), (ServiceTypes.Bundle, 30)];
    static readonly (string Item, int Weight)[] LevelWeights = [(CustomerLevels.Normal, 70), (CustomerLevels.Silver, 18), (CustomerLevels.Gold, 9), (CustomerLevels.Vip, 3)];
    static readonly (string Item, int Weight)[] BroadbandPlans = [("100M 宽带", 50), ("300M 宽带", 35), ("1000M 宽带", 15)];
    static readonly (string Item, double P)[] TvExtras = [("高清频道包", 0.5), ("少儿频道包", 0.2), ("点播会员", 0.3), ("体育频道包", 0.1)];
    static readonly DateOnly FirstDay = new(2010, 1, 1), LastDay = new(2026, 10, 31);

    public static List<CustomerRow> Generate(int count, ulong seed = DefaultSeed)
    {
        var r = new SeedRandom(seed);
        var book = new PhoneBook(r);
        var customers = new List<CustomerRow>(count);
        void Add(string name, BusinessArea area, Dwelling home, string[] phones) =>
            customers.Add(NewCustomer(r, customers.Count, count, seed, name, area, home, phones));

        while (customers.Count < count)
        {
            var area = r.Weighted(AreaWeights);
            var home = Addresses.Dwelling(r, area);
            var left = count - customers.Count;
            if (left >= 2 && r.Chance(0.12))
            {
                var size = Math.Min(left, r.Weighted(HouseholdSizes));
                if (r.Chance(0.6))
                {
                    // A family: one address, the home landline, often the same surname, some own mobiles.
                    var landline = book.Landline();
                    var surname = ChineseNames.Surname(r);
                    for (var i = 0; i < size; i++)
                    {
                        var name = i == 0 || r.Chance(0.6) ? surname + ChineseNames.Given(r) : ChineseNames.Full(r);
                        Add(name, area, home, r.Chance(0.7) ? [landline, book.Mobile()] : [landline]);
                    }
                }
                else
                {
                    // A landlord's tenants: flats of one building, the landlord's mobile as their contact.
                    var landlord = book.Mobile();
                    for (var i = 0; i < size; i++)
                        Add(ChineseNames.Full(r), area, i == 0 ? home : Addresses.Neighbour(r, home), r.Chance(0.5) ? [book.Mobile(), landlord] : [landlord]);
                }
            }
            else
            {
                var mobile = r.Chance(0.9);
                var landline = !mobile || r.Chance(0.25);
                string[] phones = (mobile, landline) switch
                {
                    (true, true) => [book.Mobile(), book.Landline()],
                    (true, false) => [book.Mobile()],
                    _ => [book.Landline()],
                };
                Add(ChineseNames.Full(r), area, home, phones);
            }
        }
        return customers;
    }

    static CustomerRow NewCustomer(SeedRandom r, int index, int count, ulong seed, string name, BusinessArea area, Dwelling home, string[] phones)
    {
        var service = r.Weighted(ServiceWeights);
        var level = r.Weighted(LevelWeights);
        var arrears = 0m;
        var status = CustomerStatuses.Active;
        var roll = r.NextDouble();
        if (roll < 0.03) // suspended for arrears: several months unpaid
        {
            status = CustomerStatuses.SuspendedArrears;
            arrears = MonthlyFee(service) * r.Between(3, 12);
        }
        else if (roll < 0.10) arrears = MonthlyFee(service) * r.Between(1, 3);   // a month or three behind
        else if (roll < 0.115) status = CustomerStatuses.Cancelled;

        return new CustomerRow
        {
            Id = $"C{index + 1:000000}",
            Name = name,
            Address = home.ToString(),
            Area = area.Code,
            ServiceType = service,
            Level = level,
            SmartCard = service == ServiceTypes.Broadband ? null : SmartCards.Number(index, seed),
            Arrears = arrears,
            Products = status == CustomerStatuses.Cancelled ? [] : Products(r, service),
            Status = status,
            Phones = phones,
            CreatedOn = FirstDay.AddDays((int)((index + r.NextDouble()) * (LastDay.DayNumber - FirstDay.DayNumber) / count)),
        };
    }

    static decimal MonthlyFee(string service) => service switch
    {
        ServiceTypes.CableTv => 28m,
        ServiceTypes.Broadband => 68m,
        _ => 88m,
    };

    static string[] Products(SeedRandom r, string service)
    {
        var products = new List<string>();
        if (service != ServiceTypes.Broadband)
        {
            products.Add("基本收视包");
            foreach (var (item, p) in TvExtras)
                if (r.Chance(p)) products.Add(item);
        }
        if (service != ServiceTypes.CableTv) products.Add(r.Weighted(BroadbandPlans));
        return [.. products];
    }
}
