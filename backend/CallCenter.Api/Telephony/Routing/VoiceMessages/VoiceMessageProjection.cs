using CallCenter.Agents.CurrentStates;
using CallCenter.Calls;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing.VoiceMessages;

/// <summary>
/// R-ACD-5: the voice messages callers left, from <see cref="VoiceMessageLeft"/> call events, and which were handled, from
/// <see cref="VoiceMessageHandled"/> (event time only).
/// </summary>
public sealed class VoiceMessageProjection : IProjection
{
    public string Name => "voice-messages";
    public EventFilter Filter { get; } = new([CallStream.Prefix, VoiceMessageStream.Prefix], ["VoiceMessageLeft.", "VoiceMessageHandled."]);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await AgentStateProjection.TableExistsAsync(db, VoiceMessageRow.Table, ct);
        await db.Database.ExecuteSqlRawAsync(VoiceMessageRow.Ddl, ct);
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        foreach (var recorded in batch)
        {
            if (recorded.StreamId.StartsWith(VoiceMessageStream.Prefix, StringComparison.Ordinal))
            {
                if (VoiceMessageStream.Decode(recorded.Type, recorded.Data) is VoiceMessageHandled h)
                    await Sql.ExecAsync(await Sql.ConnectionAsync(db, ct),
                        "insert into voice_messages_handled (call_id, handled_by, handled_at) values ($1, $2, $3) on conflict (call_id) do nothing",
                        ct, h.CallId, h.By, h.At.ToUniversalTime());
                continue;
            }
            if (CallStream.Decode(recorded.Type, recorded.Data) is not VoiceMessageLeft e) continue;
            var row = await db.Set<VoiceMessageRow>().FindAsync([e.CallId], ct);
            if (row is null) db.Add(row = new VoiceMessageRow { CallId = e.CallId, Ani = e.Ani });
            row.Ani = e.Ani;
            row.Queue = e.Queue;
            row.DurationSeconds = e.DurationSeconds;
            row.At = e.At.ToUniversalTime();
            row.Position = (long)recorded.Position;
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
