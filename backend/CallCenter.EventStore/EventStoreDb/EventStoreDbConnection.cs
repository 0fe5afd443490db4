using System.Net;
using System.Text;
using Grpc.Core;
using CallCenter.EventStore.EventStoreDb.Wire;

namespace CallCenter.EventStore.EventStoreDb;

/// <summary>
/// Keeps a channel to the cluster's leader: gossip over the seed hosts to find it (clusters), follows NotLeader
/// redirects, forgets it when it stops answering, and retries transient failures with exponential backoff.
/// Every call asks for the leader (requires-leader), so a read always sees the caller's own writes.
/// </summary>
internal sealed class EventStoreDbConnection(EventStoreDbSettings settings) : IAsyncDisposable
{
    static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    readonly SemaphoreSlim _discovering = new(1, 1);
    readonly Dictionary<DnsEndPoint, EventStoreDbNode> _nodes = new(); // under _discovering
    volatile EventStoreDbNode? _leader;

    public EventStoreDbSettings Settings => settings;

    /// <summary>Headers of every call.</summary>
    public Metadata Headers { get; } = CreateHeaders(settings);

    public CallOptions Options(CancellationToken ct, bool withDeadline = true) =>
        new(Headers, withDeadline ? DateTime.UtcNow + settings.DefaultDeadline : null, ct);

    /// <summary>Runs <paramref name="call"/> against the leader; retries what a retry can fix (the call must be safe to repeat).</summary>
    public async Task<T> RunAsync<T>(Func<EventStoreDbNode, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = await LeaderAsync(ct);
            try
            {
                return await call(node, ct);
            }
            catch (RpcException ex) when (!ct.IsCancellationRequested && attempt < settings.MaxDiscoverAttempts && OnTransientFailure(node, ex))
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>Sorts out a failed call: true when trying again may succeed (after a redirect or rediscovery).</summary>
    public bool OnTransientFailure(EventStoreDbNode node, RpcException ex)
    {
        if (EventStoreDbErrors.LeaderOf(ex) is { } leader)
        {
            _leader = null;
            _redirect = leader;
            return true;
        }
        if (!EventStoreDbErrors.IsTransient(ex)) return false;
        if (ex.StatusCode == StatusCode.Unavailable) Interlocked.CompareExchange(ref _leader, null, node);
        return true;
    }

    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(attempt - 1, 10)))
                                  * (0.75 + Random.Shared.NextDouble() / 2));

    volatile DnsEndPoint? _redirect;

    public async ValueTask<EventStoreDbNode> LeaderAsync(CancellationToken ct)
    {
        if (_leader is { } known) return known;
        await _discovering.WaitAsync(ct);
        try
        {
            if (_leader is { } found) return found;
            if (_redirect is { } redirect)
            {
                _redirect = null;
                return _leader = Node(redirect);
            }
            if (!settings.Discover) return _leader = Node(settings.Hosts[0]);
            for (var attempt = 1; ; attempt++)
            {
                if (await DiscoverAsync(ct) is { } leader) return _leader = Node(leader);
                if (attempt >= settings.MaxDiscoverAttempts)
                    throw new EventStoreUnavailableException(
                        $"No leader found via gossip on {string.Join(", ", settings.Hosts.Select(h => $"{h.Host}:{h.Port}"))} after {attempt} attempts.");
                await Task.Delay(settings.DiscoveryInterval + Backoff(attempt), ct);
            }
        }
        finally
        {
            _discovering.Release();
        }
    }

    /// <summary>Asks each seed in turn who the live leader is.</summary>
    async Task<DnsEndPoint?> DiscoverAsync(CancellationToken ct)
    {
        foreach (var seed in settings.Hosts)
        {
            try
            {
                var members = await Node(seed).Gossip.ReadAsync(new Nothing(), new CallOptions(Headers, DateTime.UtcNow.AddSeconds(3), ct));
                var leader = members.Members.FirstOrDefault(m => m.IsAlive && m.State == Member.Types.Role.Leader);
                if (leader is not null) return new DnsEndPoint(leader.HttpEndPoint.Address, (int)leader.HttpEndPoint.Port);
            }
            catch (RpcException) when (!ct.IsCancellationRequested)
            {
                // this seed is down or not ready: ask the next
            }
        }
        return null;
    }

    EventStoreDbNode Node(DnsEndPoint endPoint)
    {
        if (!_nodes.TryGetValue(endPoint, out var node)) _nodes[endPoint] = node = EventStoreDbNode.Open(endPoint, settings);
        return node;
    }

    static Metadata CreateHeaders(EventStoreDbSettings settings)
    {
        var headers = new Metadata { { "requires-leader", "true" }, { "connection-name", "CallCenter" } };
        if (settings.UserName is { } user)
            headers.Add("authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{settings.Password}")));
        return headers;
    }

    public async ValueTask DisposeAsync()
    {
        await _discovering.WaitAsync();
        foreach (var node in _nodes.Values) node.Channel.Dispose();
        _nodes.Clear();
        _leader = null;
    }
}
