using CallCenter.EventStore.EventStoreDb;

namespace CallCenter.Tests.EventStore;

/// <summary>esdb:// connection strings (docs/eventstoredb.md); no server needed.</summary>
public sealed class EventStoreDbSettingsTests
{
    [Fact]
    public void A_single_insecure_node()
    {
        var s = EventStoreDbSettings.Parse("esdb://127.0.0.1:2113?tls=false");
        Assert.Equal(("127.0.0.1", 2113), (s.Hosts.Single().Host, s.Hosts.Single().Port));
        Assert.False(s.Tls);
        Assert.False(s.Discover);
        Assert.Null(s.UserName);
        Assert.Equal(TimeSpan.FromSeconds(10), s.DefaultDeadline);
    }

    [Fact]
    public void A_cluster_with_credentials_and_options_discovers_its_leader()
    {
        var s = EventStoreDbSettings.Parse("esdb://admin:chan%40ge@h1:2113,h2:2123, h3?tlsVerifyCert=false&defaultDeadline=2500");
        Assert.Equal(["h1:2113", "h2:2123", "h3:2113"], s.Hosts.Select(h => $"{h.Host}:{h.Port}"));
        Assert.True(s.Discover);
        Assert.True(s.Tls); // the default: TLS with the system CA store
        Assert.False(s.TlsVerifyCert);
        Assert.Equal(("admin", "chan@ge"), (s.UserName, s.Password));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), s.DefaultDeadline);
        Assert.True(EventStoreDbSettings.Parse("esdb+discover://lb.example:2113").Discover);
    }

    [Theory]
    [InlineData("postgres://h:5432")]
    [InlineData("esdb://")]
    [InlineData("esdb://h:notaport")]
    [InlineData("esdb://h:2113?tls=maybe")]
    [InlineData("esdb://h:2113?defaultDeadline=-1")]
    public void Malformed_strings_are_refused(string connection) =>
        Assert.Throws<FormatException>(() => EventStoreDbSettings.Parse(connection));
}
