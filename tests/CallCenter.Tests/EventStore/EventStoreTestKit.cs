using System.Text;
using System.Text.Json.Nodes;
using CallCenter.EventStore;

namespace CallCenter.Tests.EventStore;

/// <summary>Small helpers shared by the event-store tests.</summary>
internal static class EventStoreTestKit
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}";

    public static EventData NewEvent(string type = "TestHappened", string data = """{"n":1}""", string metadata = "") =>
        new(Guid.NewGuid(), type, Encoding.UTF8.GetBytes(data), Encoding.UTF8.GetBytes(metadata));

    public static EventData[] NewEvents(int count, string type = "TestHappened") =>
        Enumerable.Range(0, count).Select(i => NewEvent(type, $$"""{"n":{{i}}}""")).ToArray();

    /// <summary>jsonb normalises whitespace and key order: compare JSON by meaning, empty as empty.</summary>
    public static void AssertSameJson(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual)
    {
        if (expected.IsEmpty || actual.IsEmpty)
        {
            Assert.Equal(expected.Length == 0, actual.Length == 0);
            return;
        }
        var e = JsonNode.Parse(expected.Span);
        var a = JsonNode.Parse(actual.Span);
        Assert.True(JsonNode.DeepEquals(e, a), $"expected {e?.ToJsonString()} but got {a?.ToJsonString()}");
    }

    public static async Task<List<RecordedEvent>> ToListAsync(this IAsyncEnumerable<RecordedEvent> events)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in events) list.Add(e);
        return list;
    }

    /// <summary>
    /// Reads $all until it returns at least <paramref name="expected"/> events. $all is a gap-free prefix: right after an
    /// append it may stop short of it while an older transaction (of any test, anywhere on the server) is still running.
    /// </summary>
    public static async Task<List<RecordedEvent>> ReadAllAtLeastAsync(this IEventStore store, int expected, ulong? after, EventFilter filter,
        int maxCount = int.MaxValue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var read = await store.ReadAllAsync(after, filter, maxCount).ToListAsync();
            if (read.Count >= expected || DateTime.UtcNow > deadline) return read;
            await Task.Delay(20);
        }
    }

    /// <summary>The next <paramref name="count"/> events of a running subscription, or a failure after <paramref name="timeout"/>.</summary>
    public static async Task<List<RecordedEvent>> TakeAsync(this IAsyncEnumerator<RecordedEvent> subscription, int count, TimeSpan timeout)
    {
        var list = new List<RecordedEvent>();
        var deadline = Task.Delay(timeout);
        while (list.Count < count)
        {
            var next = subscription.MoveNextAsync().AsTask();
            if (await Task.WhenAny(next, deadline) == deadline)
                throw new TimeoutException($"Received {list.Count} of {count} events within {timeout}.");
            Assert.True(await next, "The subscription ended.");
            list.Add(subscription.Current);
        }
        return list;
    }

    public static void AssertStrictlyIncreasing(IReadOnlyList<RecordedEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
            Assert.True(events[i - 1].Position < events[i].Position,
                $"position {events[i].Position} at index {i} does not follow {events[i - 1].Position}");
    }
}
