using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Recordings.Policy;

/// <summary>
/// Which calls are recorded and how long recordings are kept (set by admins). A rule applies to one queue, one team or
/// one direction (inbound, outbound), or is the default; the most specific matching rule decides:
/// queue, then team, then direction, then default. Mode: all, none, or share (that percentage of the calls, chosen by a
/// hash of the call id, so the same call always gets the same answer).
/// </summary>
public sealed record RecordingRule(string Scope, string? Key, string Mode, int SharePercent = 100);

public static class RuleScopes
{
    public const string Default = "default", Direction = "direction", Queue = "queue", Team = "team";
    public static readonly string[] All = [Default, Direction, Queue, Team];
}

public static class RuleModes
{
    public const string All = "all", None = "none", Share = "share";
    public static readonly string[] Each = [All, None, Share];
}

// Events on `recordingpolicy-center`.
public abstract record RecordingPolicyEvent(DateTimeOffset At);
public sealed record RecordingPolicySet(IReadOnlyList<RecordingRule> Rules, int RetentionDays, DateTimeOffset At) : RecordingPolicyEvent(At);

public sealed record RecordingPolicy(IReadOnlyList<RecordingRule> Rules, int RetentionDays)
{
    public const int DefaultRetentionDays = 180;
    public static readonly RecordingPolicy Default = new([new RecordingRule(RuleScopes.Default, null, RuleModes.All)], DefaultRetentionDays);

    /// <summary>Pure: whether a call with these facts is recorded.</summary>
    public bool ShouldRecord(string callId, string direction, string? queue, string? team)
    {
        var rule = Match(RuleScopes.Queue, queue) ?? Match(RuleScopes.Team, team) ?? Match(RuleScopes.Direction, direction)
            ?? Rules.FirstOrDefault(r => r.Scope == RuleScopes.Default);
        return rule?.Mode switch
        {
            null or RuleModes.All => true,
            RuleModes.None => false,
            _ => Bucket(callId) < rule.SharePercent,
        };
    }

    RecordingRule? Match(string scope, string? key) =>
        key is null ? null : Rules.FirstOrDefault(r => r.Scope == scope && string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>0–99 from the call id.</summary>
    public static int Bucket(string callId) =>
        (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(callId))) % 100);

    public bool SameAs(RecordingPolicy other) => RetentionDays == other.RetentionDays && Rules.SequenceEqual(other.Rules);
}

public sealed class RecordingPolicyStream : IStreamType<RecordingPolicy, RecordingPolicyEvent>
{
    public const string Id = "center";
    public static string StreamId(string id) => "recordingpolicy-" + id;
    public static RecordingPolicy Initial => RecordingPolicy.Default;

    public static RecordingPolicy Evolve(RecordingPolicy s, RecordingPolicyEvent e) => e switch
    {
        RecordingPolicySet x => new RecordingPolicy([.. x.Rules], x.RetentionDays),
        _ => s,
    };

    public static string WireName(RecordingPolicyEvent e) => e switch
    {
        RecordingPolicySet => "RecordingPolicySet.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static RecordingPolicyEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "RecordingPolicySet.v1" => JsonSerializer.Deserialize<RecordingPolicySet>(data.Span, Json.Options),
        _ => null,
    };

    /// <summary>Pure: set the policy (nothing when it is the same).</summary>
    public static IReadOnlyList<RecordingPolicyEvent> Decide(RecordingPolicy current, RecordingPolicy wanted, DateTimeOffset now) =>
        current.SameAs(wanted) ? [] : [new RecordingPolicySet(wanted.Rules, wanted.RetentionDays, now)];
}
