using System.Net;

namespace CallCenter.EventStore.EventStoreDb;

/// <summary>
/// Where and how to reach EventStoreDB, from a connection string:
/// <c>esdb://host:2113?tls=false</c>, <c>esdb://user:pass@h1:2113,h2:2113,h3:2113?tls=true</c>
/// (several hosts = a cluster: gossip finds the leader), <c>esdb+discover://…</c> (gossip even with one host).
/// Options: tls (true), tlsVerifyCert (true), defaultDeadline (ms, 10000), maxDiscoverAttempts (10),
/// discoveryInterval (ms, 100), keepAliveInterval (ms, 10000).
/// </summary>
public sealed record EventStoreDbSettings(
    IReadOnlyList<DnsEndPoint> Hosts, bool Discover, bool Tls, bool TlsVerifyCert, string? UserName, string? Password,
    TimeSpan DefaultDeadline, int MaxDiscoverAttempts, TimeSpan DiscoveryInterval, TimeSpan KeepAliveInterval)
{
    public const int DefaultPort = 2113;

    public static EventStoreDbSettings Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var schemeEnd = connectionString.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : connectionString[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("esdb" or "esdb+discover"))
            throw new FormatException($"An EventStoreDB connection string starts with esdb:// or esdb+discover://, not '{connectionString}'.");
        var rest = connectionString[(schemeEnd + 3)..];
        var (authority, query) = rest.IndexOf('?') is var q and >= 0 ? (rest[..q], rest[(q + 1)..]) : (rest, "");
        authority = authority.TrimEnd('/');

        string? user = null, password = null;
        if (authority.LastIndexOf('@') is var at and >= 0)
        {
            var credentials = authority[..at].Split(':', 2);
            user = Uri.UnescapeDataString(credentials[0]);
            password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "";
            authority = authority[(at + 1)..];
        }
        var hosts = authority.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseHost).ToArray();
        if (hosts.Length == 0) throw new FormatException("The EventStoreDB connection string names no host.");

        var options = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Trim()) : "", StringComparer.OrdinalIgnoreCase);
        return new EventStoreDbSettings(
            hosts,
            Discover: scheme == "esdb+discover" || hosts.Length > 1,
            Tls: Bool(options, "tls", true),
            TlsVerifyCert: Bool(options, "tlsVerifyCert", true),
            user, password,
            DefaultDeadline: Millis(options, "defaultDeadline", 10_000),
            MaxDiscoverAttempts: (int)Millis(options, "maxDiscoverAttempts", 10).TotalMilliseconds,
            DiscoveryInterval: Millis(options, "discoveryInterval", 100),
            KeepAliveInterval: Millis(options, "keepAliveInterval", 10_000));
    }

    static DnsEndPoint ParseHost(string host)
    {
        var colon = host.LastIndexOf(':');
        if (colon < 0 || host.EndsWith(']')) return new DnsEndPoint(host.Trim('[', ']'), DefaultPort);
        return int.TryParse(host[(colon + 1)..], out var port) && port is > 0 and < 65536
            ? new DnsEndPoint(host[..colon].Trim('[', ']'), port)
            : throw new FormatException($"'{host}' is not host:port.");
    }

    static bool Bool(Dictionary<string, string> options, string name, bool fallback) =>
        !options.TryGetValue(name, out var value) ? fallback
        : bool.TryParse(value, out var b) ? b
        : throw new FormatException($"{name} must be true or false, not '{value}'.");

    static TimeSpan Millis(Dictionary<string, string> options, string name, int fallback) =>
        TimeSpan.FromMilliseconds(!options.TryGetValue(name, out var value) ? fallback
            : int.TryParse(value, out var n) && n > 0 ? n
            : throw new FormatException($"{name} must be a positive whole number, not '{value}'."));
}
