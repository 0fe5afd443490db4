using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Calls.Ingesting;

/// <summary>One event as the PBX connector reports it (API.md, "Telephony (CTI) ingestion").</summary>
public sealed record CtiEvent(
    Guid? EventId, string? Type, string? CallId, DateTimeOffset? OccurredAt, string? Ani, string? Dnis, string[]? IvrTrail,
    string? AgentId, string? Queue, int? Score, string? RecordingUri, string? TargetAgentId, string? TargetQueue,
    string? TargetNumber, string? EndedBy,
    // Type-specific fields beyond API.md's list (all optional on the wire).
    string? Kind = null, string? Number = null, string? ConsultFor = null, int? Position = null, int? ExpectedWaitSeconds = null,
    bool? Internal = null, string? Party = null, string? Reason = null, int? DurationSeconds = null,
    // CTI agent events (API.md, "CTI: agent events"): a PBX whose ACD keeps agent state.
    string? Extension = null, string[]? SkillGroups = null, string? ReasonCode = null,
    // CallSupervised (docs/supervisor.md, "A real PBX"): the supervisor and the mode.
    string? SupervisorId = null, string? Mode = null);

public sealed record IngestResult(int Stored, int Duplicates);

/// <summary>A batch of PBX facts. Validated whole before anything is stored (a malformed batch stores nothing).</summary>
/// <param name="Metadata">Who caused these facts, when the built-in simulated PBX reports an agent's action (null: the PBX connector).</param>
public sealed record IngestCtiEvents(IReadOnlyList<CtiEvent> Events, EventMetadata? Metadata = null) : ICommand<IngestResult>;

public sealed class IngestCtiEventsValidator : AbstractValidator<IngestCtiEvents>
{
    public const int MaxBatch = 5000;
    static readonly HashSet<string> NeedsAgent = ["CallOffered", "CallAnswered", "CallHeld", "CallRetrieved", "CallTransferred", "CallConferenced", "CallDialed", "CallMuted", "CallUnmuted"];

    public IngestCtiEventsValidator(ReadModelDb db)
    {
        HashSet<string>? agents = null;
        async Task<bool> KnownAgent(string? id, CancellationToken ct)
        {
            agents ??= (await db.Users.AsNoTracking().Where(u => u.Roles.Contains("agent")).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
            return id is null || agents.Contains(id);
        }

        RuleFor(b => b.Events).NotEmpty().WithMessage("Send at least one event.")
            .Must(e => e.Count <= MaxBatch).WithMessage($"At most {MaxBatch} events per batch.");
        RuleForEach(b => b.Events).ChildRules(e =>
        {
            e.RuleFor(x => x.EventId).NotNull().NotEqual(Guid.Empty).WithMessage("eventId must be a UUID.");
            e.RuleFor(x => x.Type).NotEmpty().Must(t => CallStream.CtiTypes.Contains(t) || AgentFacts.CtiTypes.Contains(t)).WithMessage(x => $"Unknown type '{x.Type}'.");
            e.RuleFor(x => x.CallId).NotEmpty().When(x => !AgentFacts.IsAgentType(x.Type)).WithMessage("callId is required.");
            e.RuleFor(x => x.CallId).MaximumLength(64).Matches("^[A-Za-z0-9._:-]+$").When(x => x.CallId is not null).WithMessage("callId: letters, digits, . _ : - only.");
            e.RuleFor(x => x.AgentId).NotEmpty().When(x => AgentFacts.IsAgentType(x.Type)).WithMessage(x => $"{x.Type} needs agentId.");
            e.RuleFor(x => x.Extension).MaximumLength(16).Matches("^[0-9]+$").When(x => x.Extension is not null).WithMessage("An extension is digits only.");
            e.RuleFor(x => x.SkillGroups).Must(g => g is null || g.Length <= 64 && g.All(k => k is { Length: > 0 and <= 64 })).WithMessage("skillGroups: at most 64 names of up to 64 characters.");
            e.RuleFor(x => x.ReasonCode).MaximumLength(64);
            e.RuleFor(x => x.OccurredAt).NotNull().WithMessage("occurredAt is required (ISO-8601 with offset).");
            e.RuleFor(x => x.Ani).NotEmpty().When(x => x.Type == "CallArrived").WithMessage("CallArrived needs the caller number (ani).");
            e.RuleFor(x => x.Ani).MaximumLength(32);
            e.RuleFor(x => x.Dnis).MaximumLength(32);
            e.RuleFor(x => x.IvrTrail).Must(t => t is null || t.Length <= 32 && t.All(k => k is { Length: > 0 and <= 8 })).WithMessage("ivrTrail: at most 32 keys.");
            e.RuleFor(x => x.AgentId).NotEmpty().When(x => x.Type is not null && NeedsAgent.Contains(x.Type)).WithMessage(x => $"{x.Type} needs agentId.");
            e.RuleFor(x => x.AgentId).MustAsync(KnownAgent).WithMessage(x => $"Unknown agent '{x.AgentId}'.");
            e.RuleFor(x => x.TargetAgentId).MustAsync(KnownAgent).WithMessage(x => $"Unknown agent '{x.TargetAgentId}'.");
            e.RuleFor(x => x.Queue).NotEmpty().When(x => x.Type == "CallQueued").WithMessage("CallQueued needs queue.");
            e.RuleFor(x => x.Score).NotNull().InclusiveBetween(1, 5).When(x => x.Type == "SurveyCompleted").WithMessage("SurveyCompleted needs a score from 1 to 5.");
            e.RuleFor(x => x.RecordingUri).NotEmpty().When(x => x.Type == "RecordingReady").WithMessage("RecordingReady needs recordingUri.");
            e.RuleFor(x => x).Must(x => x.TargetAgentId is not null || x.TargetQueue is not null || x.TargetNumber is not null)
                .When(x => x.Type == "CallTransferred").WithName("targetAgentId").WithMessage("CallTransferred needs a target agent, queue or number.");
            e.RuleFor(x => x.Kind).NotEmpty().Must(k => CallKinds.All.Contains(k)).When(x => x.Type == "CallDialed")
                .WithMessage(x => $"CallDialed needs kind: {string.Join(", ", CallKinds.All)}.");
            e.RuleFor(x => x).Must(x => x.Number is not null || x.TargetAgentId is not null || x.TargetQueue is not null)
                .When(x => x.Type == "CallDialed").WithName("number").WithMessage("CallDialed needs a number, target agent or target queue.");
            e.RuleFor(x => x.Number).MaximumLength(32);
            e.RuleFor(x => x.ConsultFor).MaximumLength(64);
            e.RuleFor(x => x.Party).NotEmpty().Must(p => p is "agent" or "customer" or "external").When(x => x.Type == "CallPartyLeft")
                .WithMessage("CallPartyLeft needs party: agent, customer or external.");
            e.RuleFor(x => x.AgentId).NotEmpty().When(x => x.Type == "CallPartyLeft" && x.Party == "agent").WithMessage("An agent leaving needs agentId.");
            e.RuleFor(x => x.Ani).NotEmpty().When(x => x.Type is "CallRejected" or "VoiceMessageLeft").WithMessage(x => $"{x.Type} needs the caller number (ani).");
            e.RuleFor(x => x.Reason).NotEmpty().MaximumLength(64).When(x => x.Type == "CallRejected").WithMessage("CallRejected needs a reason.");
            e.RuleFor(x => x.DurationSeconds).NotNull().InclusiveBetween(0, 3600).When(x => x.Type == "VoiceMessageLeft").WithMessage("VoiceMessageLeft needs durationSeconds (0–3600).");
            e.RuleFor(x => x.RecordingUri).MaximumLength(1024);
            e.RuleFor(x => x.DurationSeconds).InclusiveBetween(0, 86_400).When(x => x.Type == "RecordingReady" && x.DurationSeconds is not null)
                .WithMessage("durationSeconds: 0 to 86400.");
            e.RuleFor(x => x.SupervisorId).NotEmpty().MaximumLength(64).When(x => x.Type == "CallSupervised").WithMessage("CallSupervised needs supervisorId.");
            e.RuleFor(x => x.SupervisorId).MaximumLength(64);
            e.RuleFor(x => x.Mode).NotEmpty().Must(m => SupervisionModes.All.Contains(m)).When(x => x.Type == "CallSupervised")
                .WithMessage($"CallSupervised needs mode: {string.Join(", ", SupervisionModes.All)}.");
            e.RuleFor(x => x.Position).GreaterThan(0).When(x => x.Position is not null);
            e.RuleFor(x => x.ExpectedWaitSeconds).GreaterThanOrEqualTo(0).When(x => x.ExpectedWaitSeconds is not null);
        });
        RuleFor(b => b.Events).Must(e => e.Select(x => x.EventId).Distinct().Count() == e.Count)
            .When(b => b.Events.All(x => x.EventId is not null)).WithMessage("The same eventId appears twice in the batch.");
    }
}

/// <summary>
/// Stores each call's facts on its call stream, then the agents' side of them (decision 0012): the call legs they cause
/// (<see cref="AgentLegs"/>) and the agent events the PBX reported (<see cref="AgentFacts"/>), on the agents' streams, before
/// the request returns. Agent streams fold in event time, so the order in which requests and batches arrive changes nothing.
/// </summary>
public sealed class IngestCtiEventsHandler(IEventStore store) : ICommandHandler<IngestCtiEvents, IngestResult>
{
    public async ValueTask<IngestResult> Handle(IngestCtiEvents command, CancellationToken ct)
    {
        int stored = 0, duplicates = 0;
        var legs = new List<(string AgentId, EventData Data)>();
        foreach (var call in command.Events.Where(e => !AgentFacts.IsAgentType(e.Type)).GroupBy(e => e.CallId!))
        {
            var facts = call.Select(e => (Cti: e, Fact: ToFact(e))).ToList();
            var (s, d) = await store.AppendEachOnceAsync(CallStream.StreamId(call.Key), [.. facts.Select(f => ToEventData(f.Cti, f.Fact, command.Metadata))], ct);
            stored += s;
            duplicates += d;
            foreach (var (cti, fact) in facts)
                if (AgentLegs.Follows(fact) is { } leg) legs.Add((leg.AgentId, AgentLegs.ToEventData(leg, cti.EventId!.Value, command.Metadata?.CorrelationId)));
        }
        foreach (var agent in legs.GroupBy(a => a.AgentId)) // follow from the calls: not counted as reported facts
            await store.AppendEachOnceAsync(Agents.AgentStream.StreamId(agent.Key), [.. agent.Select(a => a.Data)], ct);
        foreach (var agent in command.Events.Where(e => AgentFacts.IsAgentType(e.Type)).GroupBy(e => e.AgentId!))
        {
            var (s, d) = await store.AppendEachOnceAsync(Agents.AgentStream.StreamId(agent.Key), [.. agent.Select(e => AgentFacts.ToEventData(e, command.Metadata))], ct);
            stored += s;
            duplicates += d;
        }
        return new IngestResult(stored, duplicates);
    }

    /// <summary>The stored form of a PBX fact (also used by the rebuild benchmark's bulk loader).</summary>
    public static EventData ToEventData(CtiEvent e, EventMetadata? by) => ToEventData(e, ToFact(e), by);

    static EventData ToEventData(CtiEvent e, CallEvent fact, EventMetadata? by)
    {
        var metadata = by ?? new EventMetadata("pbx", EventMetadata.Sources.Pbx, DeterministicGuid.Create(Guid.Empty, "call:" + e.CallId));
        return new EventData(e.EventId!.Value, CallStream.WireName(fact),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), Json.Options), metadata.ToJson());
    }

    public static CallEvent ToFact(CtiEvent e)
    {
        var at = e.OccurredAt!.Value;
        var id = e.CallId!;
        return e.Type switch
        {
            "CallArrived" => new CallArrived(id, e.Ani!, e.Dnis, e.IvrTrail ?? [], at),
            "CallQueued" => new CallQueued(id, e.Queue!, at, e.Position, e.ExpectedWaitSeconds),
            "CallOffered" => new CallOffered(id, e.AgentId!, e.Queue, at, e.Internal ?? false),
            "CallAnswered" => new CallAnswered(id, e.AgentId!, at, e.Internal ?? false),
            "CallHeld" => new CallHeld(id, e.AgentId!, at),
            "CallRetrieved" => new CallRetrieved(id, e.AgentId!, at),
            "CallTransferred" => new CallTransferred(id, e.AgentId!, e.TargetAgentId, e.TargetQueue, e.TargetNumber, at),
            "CallConferenced" => new CallConferenced(id, e.AgentId!, e.TargetAgentId, at),
            "CallEnded" => new CallEnded(id, e.AgentId, e.EndedBy, at),
            "CallAbandoned" => new CallAbandoned(id, e.Queue, at),
            "SurveyCompleted" => new SurveyCompleted(id, e.AgentId, e.Score!.Value, at),
            "RecordingReady" => new RecordingReady(id, e.RecordingUri!, at, e.DurationSeconds),
            "CallDialed" => new CallDialed(id, e.AgentId!, e.Kind!, e.Number, e.TargetAgentId, e.TargetQueue, e.ConsultFor, at),
            "CallMuted" => new CallMuted(id, e.AgentId!, at),
            "CallUnmuted" => new CallUnmuted(id, e.AgentId!, at),
            "CallPartyLeft" => new CallPartyLeft(id, e.Party!, e.AgentId, at),
            "CallRejected" => new CallRejected(id, e.Ani!, e.Reason!, at),
            "VoiceMessageLeft" => new VoiceMessageLeft(id, e.Ani!, e.Queue, e.DurationSeconds!.Value, at),
            "CallSupervised" => new CallSupervised(id, e.SupervisorId!, e.Mode!, e.AgentId, at),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type),
        };
    }
}
