using System.Net;
using Grpc.Core;

namespace CallCenter.EventStore.EventStoreDb;

/// <summary>What the server's errors mean to us. The server names the error in the "exception" trailer.</summary>
internal static class EventStoreDbErrors
{
    const string Kind = "exception";

    /// <summary>The leader's address when a follower refused the call ("not-leader").</summary>
    public static DnsEndPoint? LeaderOf(RpcException ex) =>
        ex.Trailers.GetValue(Kind) == "not-leader"
        && ex.Trailers.GetValue("leader-endpoint-host") is { Length: > 0 } host
        && int.TryParse(ex.Trailers.GetValue("leader-endpoint-port"), out var port)
            ? new DnsEndPoint(host, port)
            : null;

    /// <summary>Worth another try: the server is unreachable or not ready, or timed out on its side
    /// (e.g. an idempotent repeat of a write it has not replicated yet: it drops it and the retry is answered).</summary>
    public static bool IsTransient(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.Unavailable => true,
        StatusCode.Aborted => ex.Status.Detail.Contains("timed out", StringComparison.OrdinalIgnoreCase),
        StatusCode.Internal => ex.Status.Detail.Contains("HTTP/2", StringComparison.OrdinalIgnoreCase), // connection reset mid-call
        _ => false,
    };

    /// <summary>Our exception for a server error that is not retried.</summary>
    public static Exception Map(RpcException ex, string? streamId) => ex.Trailers.GetValue(Kind) switch
    {
        "stream-deleted" => new StreamDeletedException(ex.Trailers.GetValue("stream-name") ?? streamId ?? "?"),
        "maximum-append-size-exceeded" => new ArgumentException(
            $"The append is larger than the server's MaxAppendSize ({ex.Trailers.GetValue("maximum-append-size")} bytes).", ex),
        "access-denied" => new UnauthorizedAccessException("EventStoreDB denied access (check the user in the connection string).", ex),
        "not-leader" => new EventStoreUnavailableException("The node is not the leader and the redirects did not settle.", ex),
        _ when ex.StatusCode is StatusCode.Unavailable or StatusCode.Aborted => new EventStoreUnavailableException($"EventStoreDB: {ex.Status.Detail}", ex),
        _ when ex.StatusCode == StatusCode.DeadlineExceeded => new TimeoutException($"EventStoreDB did not answer in time ({ex.Status.Detail}).", ex),
        _ => ex,
    };
}
