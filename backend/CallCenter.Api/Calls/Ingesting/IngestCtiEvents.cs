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
    string? TargetNumber, string? EndedBy);

public sealed record IngestResult(int Stored, int Duplicates);

/// <summary>A batch of PBX facts. Validated whole before anything is stored (a malformed batch stores nothing).</summary>
public sealed record IngestCtiEvents(IReadOnlyList<CtiEvent> Events) : ICommand<IngestResult>;

public sealed class IngestCtiEventsValidator : AbstractValidator<IngestCtiEvents>
{
    public const int MaxBatch = 5000;
    static readonly HashSet<string> NeedsAgent = ["CallOffered", "CallAnswered", "CallHeld", "CallRetrieved", "CallTransferred", "CallConferenced"];

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
            e.RuleFor(x => x.Type).NotEmpty().Must(t => CallStream.CtiTypes.Contains(t)).WithMessage(x => $"Unknown type '{x.Type}'.");
            e.RuleFor(x => x.CallId).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._:-]+$").WithMessage("callId: letters, digits, . _ : - only.");
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
        });
        RuleFor(b => b.Events).Must(e => e.Select(x => x.EventId).Distinct().Count() == e.Count)
            .When(b => b.Events.All(x => x.EventId is not null)).WithMessage("The same eventId appears twice in the batch.");
    }
}

public sealed class IngestCtiEventsHandler(IEventStore store) : ICommandHandler<IngestCtiEvents, IngestResult>
{
    public async ValueTask<IngestResult> Handle(IngestCtiEvents command, CancellationToken ct)
    {
        int stored = 0, duplicates = 0;
        foreach (var call in command.Events.GroupBy(e => e.CallId!))
        {
            var events = call.Select(ToEventData).ToList();
            try
            {
                var result = await store.AppendAsync(CallStream.StreamId(call.Key), ExpectedRevision.Any, events, ct);
                if (result.Duplicate) duplicates += events.Count; else stored += events.Count;
            }
            catch (WrongExpectedVersionException)
            {
                // Some of this call's events were stored by an earlier delivery: store the rest one by one.
                foreach (var single in events)
                {
                    var result = await store.AppendAsync(CallStream.StreamId(call.Key), ExpectedRevision.Any, [single], ct);
                    if (result.Duplicate) duplicates++; else stored++;
                }
            }
        }
        return new IngestResult(stored, duplicates);
    }

    static EventData ToEventData(CtiEvent e)
    {
        var at = e.OccurredAt!.Value;
        var id = e.CallId!;
        CallEvent fact = e.Type switch
        {
            "CallArrived" => new CallArrived(id, e.Ani!, e.Dnis, e.IvrTrail ?? [], at),
            "CallQueued" => new CallQueued(id, e.Queue!, at),
            "CallOffered" => new CallOffered(id, e.AgentId!, e.Queue, at),
            "CallAnswered" => new CallAnswered(id, e.AgentId!, at),
            "CallHeld" => new CallHeld(id, e.AgentId!, at),
            "CallRetrieved" => new CallRetrieved(id, e.AgentId!, at),
            "CallTransferred" => new CallTransferred(id, e.AgentId!, e.TargetAgentId, e.TargetQueue, e.TargetNumber, at),
            "CallConferenced" => new CallConferenced(id, e.AgentId!, e.TargetAgentId, at),
            "CallEnded" => new CallEnded(id, e.AgentId, e.EndedBy, at),
            "CallAbandoned" => new CallAbandoned(id, e.Queue, at),
            "SurveyCompleted" => new SurveyCompleted(id, e.AgentId, e.Score!.Value, at),
            "RecordingReady" => new RecordingReady(id, e.RecordingUri!, at),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type),
        };
        var metadata = new EventMetadata("pbx", EventMetadata.Sources.Pbx, DeterministicGuid.Create(Guid.Empty, "call:" + id));
        return new EventData(e.EventId!.Value, CallStream.WireName(fact),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), Json.Options), metadata.ToJson());
    }
}
