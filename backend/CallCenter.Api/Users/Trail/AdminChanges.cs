using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Users.Trail;

/// <summary>
/// Every admin change to a user or team is an event (R-ADM-1): who (metadata actor), what (the event), when (<c>At</c>).
/// Users and teams themselves are reference data in tables; these streams are their trail, read by auditors
/// (<c>GET /api/admin-changes</c>). Streams: <c>user-{id}</c>, <c>team-{id}</c>.
/// </summary>
public abstract record AdminChange(DateTimeOffset At);

public sealed record UserCreated(string UserId, string Name, string[] Roles, string[] AgentTypes, string? Team, string[] SkillGroups,
    int[] SkillLevels, string? Extension, DateTimeOffset At) : AdminChange(At);
/// <summary>The fields that changed, each as [before, after] (rendered as text).</summary>
public sealed record UserUpdated(string UserId, IReadOnlyDictionary<string, string?[]> Changes, DateTimeOffset At) : AdminChange(At);
public sealed record UserDisabled(string UserId, DateTimeOffset At) : AdminChange(At);
public sealed record UserEnabled(string UserId, DateTimeOffset At) : AdminChange(At);
public sealed record UserPasswordReset(string UserId, DateTimeOffset At) : AdminChange(At);
/// <summary>The user changed their own password (R-ME-1); the password itself is never in an event.</summary>
public sealed record UserPasswordChanged(string UserId, DateTimeOffset At) : AdminChange(At);
public sealed record TeamCreated(string TeamId, string Name, string[] Supervisors, string[] Admins, string[] Members, DateTimeOffset At) : AdminChange(At);
public sealed record TeamUpdated(string TeamId, IReadOnlyDictionary<string, string?[]> Changes, DateTimeOffset At) : AdminChange(At);

/// <summary>One row of the trail as the API shows it.</summary>
public sealed record AdminChangeDto(DateTimeOffset At, string Actor, string Stream, string Type, JsonElement Change);

public sealed class AdminChanges(IEventStore store)
{
    public const string UserPrefix = "user-";
    public const string TeamPrefix = "team-";
    static readonly Dictionary<Type, string> WireNames = new()
    {
        [typeof(UserCreated)] = "UserCreated.v1", [typeof(UserUpdated)] = "UserUpdated.v1", [typeof(UserDisabled)] = "UserDisabled.v1",
        [typeof(UserEnabled)] = "UserEnabled.v1", [typeof(UserPasswordReset)] = "UserPasswordReset.v1",
        [typeof(UserPasswordChanged)] = "UserPasswordChanged.v1", [typeof(TeamCreated)] = "TeamCreated.v1", [typeof(TeamUpdated)] = "TeamUpdated.v1",
    };

    public static string UserStream(string userId) => UserPrefix + userId;
    public static string TeamStream(string teamId) => TeamPrefix + teamId;

    public Task AppendAsync(string stream, EventMetadata by, CancellationToken ct, params AdminChange[] changes) =>
        store.AppendAsync(stream, ExpectedRevision.Any, changes.Select(c => new EventData(Guid.NewGuid(), WireNames[c.GetType()],
            JsonSerializer.SerializeToUtf8Bytes(c, c.GetType(), Json.Options), by.ToJson())).ToList(), ct);

    /// <summary>The trail, newest first: of one user or team (<paramref name="stream"/>), or of all of them.</summary>
    public async Task<List<AdminChangeDto>> ReadAsync(string? stream, int take, CancellationToken ct)
    {
        var rows = new List<AdminChangeDto>();
        if (stream is not null)
        {
            await foreach (var e in store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue, take, ct)) rows.Add(Dto(e));
            return rows;
        }
        await foreach (var e in store.ReadAllAsync(null, EventFilter.Streams(UserPrefix, TeamPrefix), int.MaxValue, ct)) rows.Add(Dto(e));
        return rows.OrderByDescending(r => r.At).Take(take).ToList();
    }

    static AdminChangeDto Dto(RecordedEvent e)
    {
        var change = JsonDocument.Parse(e.Data).RootElement.Clone();
        var at = change.TryGetProperty("at", out var a) && a.TryGetDateTimeOffset(out var when) ? when : e.Created;
        return new AdminChangeDto(at, EventMetadata.FromJson(e.Metadata)?.Actor ?? "?", e.StreamId, e.Type.Split('.')[0], change);
    }
}
