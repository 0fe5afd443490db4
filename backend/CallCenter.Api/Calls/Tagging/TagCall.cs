using CallCenter.Agents;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Calls.Tagging;

/// <summary>R-TAG-1, R-TAG-2: tag a call with purpose and sub-type; frees the agent to go ready again.</summary>
/// <param name="By">Who tagged, when not the signed-in user of an HTTP request (the demo's simulated agents).</param>
public sealed record TagCall(string CallId, string? Purpose, string? Subtype, string? CustomerId, string AgentId, bool BySupervisor, DateTimeOffset At,
    EventMetadata? By = null) : ICommand<TagResult>;

public sealed record TagBody(string? Purpose, string? Subtype, string? CustomerId);
public sealed record TagResult(string CallId, string Purpose, string Subtype, string? CustomerId, string? Area, long Revision);

public sealed class TagCallValidator : AbstractValidator<TagCall>
{
    public TagCallValidator(ReadModelDb db)
    {
        RuleFor(c => c.Purpose).NotEmpty().WithMessage("Choose a purpose.");
        RuleFor(c => c.Subtype).NotEmpty().WithMessage("Choose a sub-type.");
        RuleFor(c => c).MustAsync(async (c, ct) =>
                await db.CallPurposes.AnyAsync(p => p.Code == c.Purpose && p.Active && p.Subtypes.Contains(c.Subtype!), ct))
            .When(c => !string.IsNullOrEmpty(c.Purpose) && !string.IsNullOrEmpty(c.Subtype))
            .WithName("purpose").WithMessage(c => $"'{c.Purpose}/{c.Subtype}' is not an active purpose and sub-type.");
    }
}

/// <summary>Pure decision: who may tag, and when a tag changes nothing.</summary>
public static class TagDecider
{
    public static IReadOnlyList<CallEvent> Decide(Call call, TagCall c, string? area)
    {
        if (!call.Exists) throw new NotFoundException($"There is no call '{c.CallId}'.");
        if (!call.AgentsWhoAnswered.Contains(c.AgentId) && !c.BySupervisor) throw new ForbiddenException($"'{c.AgentId}' did not handle call '{c.CallId}'.");
        var agent = TaggingAgent(call, c);
        // each agent tags their own part of the call (a transfer chain, a conference): only their own earlier tag is replaced
        if (call.TagOf(agent) is { } t && t.Purpose == c.Purpose && t.Subtype == c.Subtype && t.CustomerId == c.CustomerId) return [];
        return [new CallTagged(c.CallId, agent, c.Purpose!, c.Subtype!, c.CustomerId, area, c.At)];
    }

    /// <summary>Whose part the tag is: the caller's own, or — a supervisor tagging for the team — the agent who answered last.</summary>
    public static string TaggingAgent(Call call, TagCall c) =>
        call.AgentsWhoAnswered.Contains(c.AgentId) ? c.AgentId : call.AgentsWhoAnswered.LastOrDefault()
            ?? throw new RuleViolationException($"Call '{c.CallId}' was never answered: there is nothing to tag.", "nothingToTag");
}

public sealed class TagCallHandler(CommandPipeline pipeline, CustomerAreas areas, CurrentUser user) : ICommandHandler<TagCall, TagResult>
{
    public async ValueTask<TagResult> Handle(TagCall c, CancellationToken ct)
    {
        var (decided, agent) = await TagAsync(c, ct);
        var tag = decided.State.TagOf(agent)!;
        await FreeAgentAsync(tag, c.By ?? user.Metadata(tag.AgentId), ct);
        return new TagResult(c.CallId, tag.Purpose, tag.Subtype, tag.CustomerId, tag.Area, decided.Revision);
    }

    /// <summary>The PBX may report a fact meanwhile (e.g. RecordingReady just after the end): then fold again and decide again.</summary>
    async Task<(Decided<Call> Decided, string Agent)> TagAsync(TagCall c, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (call, revision) = await pipeline.LoadAsync<CallStream, Call, CallEvent>(c.CallId, ct);
            var area = await areas.AreaOfAsync(c.CustomerId, call.Ani, ct);
            try
            {
                var decided = await pipeline.AppendAsync<CallStream, Call, CallEvent>(
                    c.CallId, call, revision, TagDecider.Decide(call, c, area), c.By ?? user.Metadata(c.AgentId), ct);
                return (decided, TagDecider.TaggingAgent(call, c));
            }
            catch (EventStore.WrongExpectedVersionException) when (attempt < 10) { }
        }
    }

    /// <summary>
    /// Records the tag on the agent's stream right away, so that "ready" works the moment the tag is saved.
    /// A second stream, so not atomic with the call's: tagging again (an idempotent no-op on the call) repairs a miss.
    /// </summary>
    async Task FreeAgentAsync(CallTagged tag, EventMetadata by, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(tag.AgentId, null,
                    s => s.UntaggedCallId == tag.CallId || s.LastTaggedCallId != tag.CallId ? [new AgentCallTagged(tag.AgentId, tag.CallId, tag.At)] : [],
                    by, ct);
                return;
            }
            catch (EventStore.WrongExpectedVersionException) when (attempt < 10) { } // the PBX reactor wrote meanwhile: fold again
        }
    }
}
