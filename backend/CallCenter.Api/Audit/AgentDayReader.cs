using CallCenter.Agents;
using CallCenter.EventStore;
using CallCenter.Infrastructure;
using Npgsql;

namespace CallCenter.Audit;

/// <summary>An agent-stream event as read from the store, with its decoded form.</summary>
public sealed record AgentRecord(RecordedEvent Recorded, AgentEvent Event);

/// <summary>
/// What the replay of one agent's day reads from the event store. Opening: the events since the agent's last
/// sign-out before the day (they give the state the day opens in). Day: the events of the day, in stream order.
/// Next: the first event after the day (null while the stream ends in the day).
/// </summary>
public sealed record AgentDayEvents(List<AgentRecord> Opening, List<AgentRecord> Day, AgentRecord? Next, long StartRevision);

/// <summary>
/// Reads one agent's day from the store (R-USE-3). <see cref="AgentDayIndex"/> says where the day starts in the
/// stream; the events themselves always come from the store, read forwards until the first event after the day,
/// so an index that lags behind the store costs a longer read, never a missing event.
/// </summary>
public sealed class AgentDayReader(IEventStore store, NpgsqlDataSource db)
{
    const string Locate = """
        select utc_hour, first_revision, last_revision from audit_agent_hours
        where agent_id = $1 and utc_hour <= $2 order by utc_hour desc limit 1
        """;

    /// <summary>The agent's events in [from, to) (the center's day in its zone: 23, 24 or 25 hours).</summary>
    public async Task<AgentDayEvents> ReadAsync(string agentId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var stream = AgentStream.StreamId(agentId);
        var (start, count) = await StartRevisionAsync(agentId, AgentDayIndex.UtcHour(from), ct);
        var opening = OpeningAsync(stream, start - 1, ct); // meanwhile
        var events = new List<AgentRecord>();
        var before = new List<AgentRecord>();
        AgentRecord? next = null;
        var indexedLast = count == int.MaxValue ? -1 : start + count - 2; // the day's last revision as the index knows it
        await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Forwards, start, int.MaxValue, ct))
        {
            if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
            if (e.At >= to)
            {
                // Events arrive in any order (decision 0012): within the indexed range a later day's event is skipped; past it, the
                // first one ends the read (an index that lags costs a longer read, never an event).
                if (recorded.StreamRevision > indexedLast) { next = new(recorded, e); break; }
                continue;
            }
            (e.At < from ? before : events).Add(new(recorded, e));
        }
        // Without the index (or when it lags) the read starts early: what precedes the day opens it. Both in event time.
        var opened = (await opening).Where(r => r.Event.At < from).ToList(); // stored before the day, yet possibly later in time
        opened.AddRange(before);
        return new(SinceLastSignOut(InEventTime(opened)), InEventTime(events), next, start);
    }

    /// <summary>The agent's events in the order they happened (ties in stream order), whatever order they were stored in.</summary>
    static List<AgentRecord> InEventTime(List<AgentRecord> records) => [.. AgentStream.InEventTime(records, r => r.Event)];

    /// <summary>
    /// Where to start reading: the first revision of the UTC hour the center's day starts in; without a row for that hour,
    /// just after the last earlier hour (or the stream's start). The read goes on to wherever the center's day ends.
    /// </summary>
    async Task<(long Start, int Count)> StartRevisionAsync(string agentId, DateTimeOffset hour, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Locate);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = agentId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = hour });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (0, int.MaxValue);
        return reader.GetFieldValue<DateTimeOffset>(0) == hour
            ? (reader.GetInt64(1), (int)Math.Min(reader.GetInt64(2) - reader.GetInt64(1) + 2, int.MaxValue))
            : (reader.GetInt64(2) + 1, int.MaxValue);
    }

    /// <summary>Reads backwards from <paramref name="last"/> to the last sign-out (it resets the state), in small pages.</summary>
    async Task<List<AgentRecord>> OpeningAsync(string stream, long last, CancellationToken ct)
    {
        var found = new List<AgentRecord>();
        var page = 16;
        while (last >= 0)
        {
            var read = 0;
            await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Backwards, last, page, ct))
            {
                read++;
                last = recorded.StreamRevision - 1;
                if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
                found.Add(new(recorded, e));
                if (e is AgentSignedOut) { found.Reverse(); return found; }
            }
            if (read < page) break;
            page = Math.Min(page * 4, 1000);
        }
        found.Reverse();
        return found;
    }

    static List<AgentRecord> SinceLastSignOut(List<AgentRecord> opening) =>
        opening.Skip(opening.FindLastIndex(r => r.Event is AgentSignedOut) + 1).ToList();
}
