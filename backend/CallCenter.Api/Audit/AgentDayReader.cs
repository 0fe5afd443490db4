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
    // The day's revisions: events are stored in any order (decision 0012), so the day spans from the least first revision to
    // the greatest last revision of all its UTC hours. Without an indexed hour in the day: just after the last earlier hour.
    const string Locate = """
        select min(first_revision), max(last_revision) from audit_agent_hours where agent_id = $1 and utc_hour >= $2 and utc_hour < $3
        union all
        select null, max(last_revision) from audit_agent_hours where agent_id = $1 and utc_hour < $2
        """;

    /// <summary>The agent's events in [from, to) (the center's day in its zone: 23, 24 or 25 hours).</summary>
    public async Task<AgentDayEvents> ReadAsync(string agentId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var stream = AgentStream.StreamId(agentId);
        var (start, indexedLast) = await StartRevisionAsync(agentId, AgentDayIndex.UtcHour(from), to, ct); // indexedLast: the day's last revision as the index knows it
        var opening = OpeningAsync(agentId, stream, start - 1, from, ct); // meanwhile
        var events = new List<AgentRecord>();
        var before = new List<AgentRecord>();
        AgentRecord? next = null;
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
    /// Where to start reading and the day's last indexed revision (-1: none): the day's indexed hours, or just after the last
    /// earlier hour (or the stream's start) without them. The read goes on past the indexed range to wherever the day ends.
    /// </summary>
    async Task<(long Start, long IndexedLast)> StartRevisionAsync(string agentId, DateTimeOffset fromHour, DateTimeOffset to, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Locate);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = agentId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = fromHour });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.IsDBNull(0)) return (reader.GetInt64(0), reader.GetInt64(1));
        await reader.ReadAsync(ct);
        return (reader.IsDBNull(1) ? 0 : reader.GetInt64(1) + 1, -1);
    }

    /// <summary>
    /// Reads backwards from <paramref name="last"/>, in small pages, to a sign-out before the day (it resets the state). Events are
    /// stored in any order, so the read goes on to the least revision of the hours from that sign-out to the day: an event
    /// between them in time, stored before the sign-out, is read too.
    /// </summary>
    async Task<List<AgentRecord>> OpeningAsync(string agentId, string stream, long last, DateTimeOffset from, CancellationToken ct)
    {
        var found = new List<AgentRecord>();
        long? floor = null;
        var page = 16;
        while (last >= 0 && (floor is null || last >= floor))
        {
            var read = 0;
            await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Backwards, last, page, ct))
            {
                read++;
                last = recorded.StreamRevision - 1;
                if (AgentStream.Decode(recorded.Type, recorded.Data) is not { } e) continue;
                found.Add(new(recorded, e));
                if (floor is null && e is AgentSignedOut && e.At < from)
                    floor = await FloorAsync(agentId, AgentDayIndex.UtcHour(e.At), from, ct) ?? recorded.StreamRevision;
                if (floor is not null && last < floor) break;
            }
            if (read < page) break;
            page = Math.Min(page * 4, 1000);
        }
        found.Reverse();
        return found;
    }

    /// <summary>The least revision of the agent's indexed hours in [fromHour, to); null without any.</summary>
    async Task<long?> FloorAsync(string agentId, DateTimeOffset fromHour, DateTimeOffset to, CancellationToken ct)
    {
        await using var command = db.CreateCommand("select min(first_revision) from audit_agent_hours where agent_id = $1 and utc_hour >= $2 and utc_hour < $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = agentId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = fromHour });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to.ToUniversalTime() });
        return await command.ExecuteScalarAsync(ct) is long l ? l : null;
    }

    static List<AgentRecord> SinceLastSignOut(List<AgentRecord> opening) =>
        opening.Skip(opening.FindLastIndex(r => r.Event is AgentSignedOut) + 1).ToList();
}
