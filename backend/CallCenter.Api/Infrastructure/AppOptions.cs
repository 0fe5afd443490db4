namespace CallCenter.Infrastructure;

/// <summary>
/// Settings read from the environment (the names the start command honours; see README and docs/deployment.md).
/// <see cref="Production"/> (CALLCENTER_MODE=production) starts without demo data or simulator and refuses default
/// secrets (<see cref="ProductionChecks"/>); anything else is the demo.
/// </summary>
public sealed record AppOptions(
    string Database, int Port, string DemoPassword, string CtiKey, bool Simulator, string? SpaDir, double SimulatorSpeed = 1, int SimulatorCallsPerDay = 3000)
{
    public const string DefaultDemoPassword = "demo123";
    public const string DefaultCtiKey = "dev-cti-key";

    public bool Production { get; init; }
    /// <summary>CALLCENTER_BIND: the address Kestrel listens on (default 127.0.0.1; 0.0.0.0 for every interface).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";
    /// <summary>CALLCENTER_FORWARDED_HEADERS=on: trust X-Forwarded-For/-Proto from <see cref="KnownProxies"/> (CALLCENTER_KNOWN_PROXIES, comma-separated IPs).</summary>
    public bool ForwardedHeaders { get; init; }
    public string[] KnownProxies { get; init; } = [];
    /// <summary>CALLCENTER_BOOTSTRAP_ADMIN / CALLCENTER_BOOTSTRAP_PASSWORD: the first admin, created only while no admin exists.</summary>
    public string? BootstrapAdmin { get; init; }
    public string? BootstrapPassword { get; init; }
    /// <summary>CALLCENTER_DATA_PROTECTION_CERT (a .pfx path) and _PASSWORD: encrypts the session keys at rest.</summary>
    public string? DataProtectionCert { get; init; }
    public string? DataProtectionCertPassword { get; init; }
    /// <summary>Whether CALLCENTER_DEMO_PASSWORD / CALLCENTER_CTI_KEY were given (not defaulted).</summary>
    public bool DemoPasswordGiven { get; init; }
    public bool CtiKeyGiven { get; init; }

    public static AppOptions FromEnvironment(IConfiguration config)
    {
        var production = string.Equals(config["CALLCENTER_MODE"], "production", StringComparison.OrdinalIgnoreCase);
        string? Setting(string name) => config[name] is { Length: > 0 } v ? v : null;
        return new AppOptions(
            Database: config["CALLCENTER_DB"]
                ?? throw new InvalidOperationException("CALLCENTER_DB (a PostgreSQL connection string) is not set. `npm start` sets it."),
            Port: int.TryParse(config["CALLCENTER_PORT"], out var port) ? port : 5080,
            DemoPassword: Setting("CALLCENTER_DEMO_PASSWORD") ?? DefaultDemoPassword,
            CtiKey: Setting("CALLCENTER_CTI_KEY") ?? DefaultCtiKey,
            Simulator: !production && !string.Equals(config["CALLCENTER_SIMULATOR"], "off", StringComparison.OrdinalIgnoreCase),
            SpaDir: config["CALLCENTER_SPA_DIR"],
            SimulatorSpeed: double.TryParse(config["CALLCENTER_SIMULATOR_SPEED"], System.Globalization.CultureInfo.InvariantCulture, out var speed) && speed is > 0 and <= 1000 ? speed : 1,
            SimulatorCallsPerDay: int.TryParse(config["CALLCENTER_SIMULATOR_CALLS_PER_DAY"], out var perDay) && perDay is > 0 and <= 50_000 ? perDay : 3000)
        {
            Production = production,
            BindAddress = Setting("CALLCENTER_BIND") ?? "127.0.0.1",
            ForwardedHeaders = string.Equals(config["CALLCENTER_FORWARDED_HEADERS"], "on", StringComparison.OrdinalIgnoreCase),
            KnownProxies = (Setting("CALLCENTER_KNOWN_PROXIES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            BootstrapAdmin = Setting("CALLCENTER_BOOTSTRAP_ADMIN"),
            BootstrapPassword = Setting("CALLCENTER_BOOTSTRAP_PASSWORD"),
            DataProtectionCert = Setting("CALLCENTER_DATA_PROTECTION_CERT"),
            DataProtectionCertPassword = Setting("CALLCENTER_DATA_PROTECTION_CERT_PASSWORD"),
            DemoPasswordGiven = Setting("CALLCENTER_DEMO_PASSWORD") is not null,
            CtiKeyGiven = Setting("CALLCENTER_CTI_KEY") is not null,
        };
    }

    /// <summary>Never print secrets: the record's generated ToString would.</summary>
    public override string ToString() => $"AppOptions {{ Production = {Production}, Port = {Port}, Bind = {BindAddress}, Simulator = {Simulator} }}";
}

/// <summary>
/// What production mode refuses to start with, each naming the setting to fix: the default or a short CTI key,
/// a demo password, unprotected data-protection keys, forwarded headers without known proxies.
/// </summary>
public static class ProductionChecks
{
    public static IReadOnlyList<string> Problems(AppOptions o)
    {
        var problems = new List<string>();
        if (!o.Production) return problems;
        if (!o.CtiKeyGiven || o.CtiKey == AppOptions.DefaultCtiKey || o.CtiKey.Length < 24)
            problems.Add("CALLCENTER_CTI_KEY is the public default or shorter than 24 characters; set a random key the PBX connector shares.");
        if (o.DemoPasswordGiven)
            problems.Add("CALLCENTER_DEMO_PASSWORD is a demo setting; production has no demo users. Remove it.");
        if (o.DataProtectionCert is null)
            problems.Add("CALLCENTER_DATA_PROTECTION_CERT is not set: the session keys would be stored unencrypted. Give a .pfx certificate (and CALLCENTER_DATA_PROTECTION_CERT_PASSWORD).");
        else if (!File.Exists(o.DataProtectionCert))
            problems.Add($"CALLCENTER_DATA_PROTECTION_CERT names no readable file.");
        if (o.BootstrapPassword is not null && CallCenter.Users.PasswordPolicy.Check(o.BootstrapPassword, o.BootstrapAdmin ?? "") is { } why)
            problems.Add($"CALLCENTER_BOOTSTRAP_PASSWORD: {why}");
        if (o.BootstrapPassword is not null && o.BootstrapAdmin is null)
            problems.Add("CALLCENTER_BOOTSTRAP_ADMIN (the first admin's login name) is missing beside CALLCENTER_BOOTSTRAP_PASSWORD.");
        if (o.ForwardedHeaders && o.KnownProxies.Length == 0)
            problems.Add("CALLCENTER_FORWARDED_HEADERS=on needs CALLCENTER_KNOWN_PROXIES (the reverse proxy's addresses).");
        return problems;
    }

    public static void ThrowIfAny(AppOptions o)
    {
        var problems = Problems(o);
        if (problems.Count > 0)
            throw new InvalidOperationException("Production mode refuses to start:\n - " + string.Join("\n - ", problems));
    }
}
