using CallCenter.EventStore;

namespace CallCenter.Infrastructure.EventSourcing;

public static class IdempotentAppend
{
    /// <summary>
    /// Appends events that carry their own ids to a stream at any revision, storing each id once: when some were
    /// stored by an earlier delivery (the store refuses a partly duplicate append), the rest go one by one.
    /// Returns how many were stored and how many were already there.
    /// </summary>
    public static async Task<(int Stored, int Duplicates)> AppendEachOnceAsync(this IEventStore store, string stream,
        IReadOnlyList<EventData> events, CancellationToken ct)
    {
        try
        {
            var result = await store.AppendAsync(stream, ExpectedRevision.Any, events, ct);
            return result.Duplicate ? (0, events.Count) : (events.Count, 0);
        }
        catch (WrongExpectedVersionException)
        {
            int stored = 0, duplicates = 0;
            foreach (var single in events)
            {
                if ((await store.AppendAsync(stream, ExpectedRevision.Any, [single], ct)).Duplicate) duplicates++;
                else stored++;
            }
            return (stored, duplicates);
        }
    }
}
