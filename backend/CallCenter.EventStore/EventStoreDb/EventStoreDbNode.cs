using System.Net;
using CallCenter.EventStore.EventStoreDb.Wire;
using Grpc.Net.Client;

namespace CallCenter.EventStore.EventStoreDb;

/// <summary>One server we talk to (the leader, as far as we know), with its channel and service stubs.</summary>
internal sealed class EventStoreDbNode(DnsEndPoint endPoint, GrpcChannel channel)
{
    public DnsEndPoint EndPoint { get; } = endPoint;
    public GrpcChannel Channel { get; } = channel;
    public Streams.StreamsClient Streams { get; } = new(channel);
    public Gossip.GossipClient Gossip { get; } = new(channel);
    public override string ToString() => $"{EndPoint.Host}:{EndPoint.Port}";

    public static EventStoreDbNode Open(DnsEndPoint endPoint, EventStoreDbSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true, // many concurrent calls (appends, subscriptions) need more than 100 streams
            KeepAlivePingDelay = settings.KeepAliveInterval,
            KeepAlivePingTimeout = settings.KeepAliveInterval,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always, // notices a dead server under an idle subscription
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        if (settings.Tls && !settings.TlsVerifyCert)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        var scheme = settings.Tls ? "https" : "http"; // http = HTTP/2 without TLS (insecure servers)
        var channel = GrpcChannel.ForAddress($"{scheme}://{endPoint.Host}:{endPoint.Port}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = 17 * 1024 * 1024, // above the server's largest record (16 MiB)
            MaxSendMessageSize = 17 * 1024 * 1024,
            DisposeHttpClient = true,
        });
        return new EventStoreDbNode(endPoint, channel);
    }
}
