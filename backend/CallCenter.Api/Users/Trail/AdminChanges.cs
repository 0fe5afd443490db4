using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Users.Trail;

/// <summary>
/// Every admin change to a user, team, skill group or queue is an event (R-ADM-1): who (metadata actor), what (the event),
/// when (<c>At</c>). They themselves are reference data in tables; these streams are their trail, read by auditors
/// (<c>GET /api/admin-changes</c>). Streams: <c>user-{id}</c>, <c>team-{id}</c>, <c>skillgroup-{id}</c>, <c>queue-{id}</c>.
/// A change to a group's members is recorded on each member's <c>user-{id}</c> (their skill groups and levels changed).
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
/// <summary>A skill group's fields as first saved, each as [null, value].</summary>
public sealed record SkillGroupCreated(string GroupId, IReadOnlyDictionary<string, string?[]> Changes, DateTimeOffset At) : AdminChange(At);
public sealed record SkillGroupUpdated(string GroupId, IReadOnlyDictionary<string, string?[]> Changes, DateTimeOffset At) : AdminChange(At);
/// <summary>A queue's settings as first saved (strategy, skill group, calendar, duty agents…), each as [null, value].</summary>
public sealed record QueueCreated(string QueueId, IReadOnlyDictionary<string, string?[]> Changes, DateTimeOffset At) : AdminChange(At);
public sealed record QueueUpdated(string QueueId, IReadOnlyDictionary<string, string?[]> Changes, DateTimeOffset At) : AdminChange(At);

/// <summary>One row of the trail as the API shows it.</summary>
public sealed record AdminChangeDto(DateTimeOffset At, string Actor, string Stream, string Type, JsonElement Change);

public sealed class AdminChanges(IEventStore store)
{
    public const string UserPrefix = "user-";
    public const string TeamPrefix = "team-";
    public const string SkillGroupPrefix = "skillgroup-";
    public const string QueuePrefix = "queue-";
    static readonly Dictionary<Type, string> WireNames = new()
    {
        [typeof(UserCreated)] = "UserCreated.v1", [typeof(UserUpdated)] = "UserUpdated.v1", [typeof(UserDisabled)] = "UserDisabled.v1",
        [typeof(UserEnabled)] = "UserEnabled.v1", [typeof(UserPasswordReset)] = "UserPasswordReset.v1",
        [typeof(UserPasswordChanged)] = "UserPasswordChanged.v1", [typeof(TeamCreated)] = "TeamCreated.v1", [typeof(TeamUpdated)] = "TeamUpdated.v1",
        [typeof(SkillGroupCreated)] = "SkillGroupCreated.v1", [typeof(SkillGroupUpdated)] = "SkillGroupUpdated.v1",
        [typeof(QueueCreated)] = "QueueCreated.v1", [typeof(QueueUpdated)] = "QueueUpdated.v1",
    };

    public static string UserStream(string userId) => UserPrefix + userId;
    public static string TeamStream(string teamId) => TeamPrefix + teamId;
    public static string SkillGroupStream(string groupId) => SkillGroupPrefix + groupId;
    public static string QueueStream(string queueId) => QueuePrefix + queueId;

    /// <summary>
    /// The public properties that differ between two versions of a thing (camelCase name → [before, after] as text; lists joined
    /// by commas, dictionaries as key:value). <paramref name="before"/> null (created): every property that has a value.
    /// </summary>
    public static Dictionary<string, string?[]> Diff<T>(T? before, T after) where T : class
    {
        var changes = new Dictionary<string, string?[]>();
        foreach (var p in typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var (b, a) = (before is null ? null : Text(p.GetValue(before)), Text(p.GetValue(after)));
            if (b != a && !(before is null && string.IsNullOrEmpty(a))) changes[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = [b, a];
        }
        return changes;
    }

    /// <summary>Skill groups with their levels as one text: <c>billing:4,general:3</c>.</summary>
    public static string LevelsText(string[] groups, int[] levels) =>
        string.Join(",", groups.Select((g, i) => $"{g}:{(i < levels.Length ? levels[i] : Telephony.Routing.SkillLevels.Default)}"));

    static string? Text(object? v) => v switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        System.Collections.IDictionary d => string.Join(",", d.Keys.Cast<object>().Select(k => $"{k}:{d[k]}")),
        System.Collections.IEnumerable e => string.Join(",", e.Cast<object?>()),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    public Task AppendAsync(string stream, EventMetadata by, CancellationToken ct, params AdminChange[] changes) =>
        store.AppendAsync(stream, ExpectedRevision.Any, changes.Select(c => new EventData(Guid.NewGuid(), WireNames[c.GetType()],
            JsonSerializer.SerializeToUtf8Bytes(c, c.GetType(), Json.Options), by.ToJson())).ToList(), ct);

    /// <summary>The trail, newest first: of one user, team, skill group or queue (<paramref name="stream"/>), or of all of them.</summary>
    public async Task<List<AdminChangeDto>> ReadAsync(string? stream, int take, CancellationToken ct)
    {
        var rows = new List<AdminChangeDto>();
        if (stream is not null)
        {
            await foreach (var e in store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue, take, ct)) rows.Add(Dto(e));
            return rows;
        }
        await foreach (var e in store.ReadAllAsync(null, EventFilter.Streams(UserPrefix, TeamPrefix, SkillGroupPrefix, QueuePrefix), int.MaxValue, ct)) rows.Add(Dto(e));
        return rows.OrderByDescending(r => r.At).Take(take).ToList();
    }

    static AdminChangeDto Dto(RecordedEvent e)
    {
        var change = JsonDocument.Parse(e.Data).RootElement.Clone();
        var at = change.TryGetProperty("at", out var a) && a.TryGetDateTimeOffset(out var when) ? when : e.Created;
        return new AdminChangeDto(at, EventMetadata.FromJson(e.Metadata)?.Actor ?? "?", e.StreamId, e.Type.Split('.')[0], change);
    }
}
