using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;

namespace CallCenter.Recordings.Policy;

public sealed record RecordingPolicyDto(IReadOnlyList<RecordingRule> Rules, int RetentionDays);

public sealed class RecordingPolicyValidator : AbstractValidator<RecordingPolicyDto>
{
    public RecordingPolicyValidator()
    {
        RuleFor(p => p.RetentionDays).InclusiveBetween(1, 3650).WithMessage("retentionDays: 1 to 3650.");
        RuleFor(p => p.Rules).NotNull().Must(r => r is null || r.Count <= 500).WithMessage("At most 500 rules.");
        RuleForEach(p => p.Rules).ChildRules(r =>
        {
            r.RuleFor(x => x.Scope).Must(s => RuleScopes.All.Contains(s)).WithMessage($"scope: one of {string.Join(", ", RuleScopes.All)}.");
            r.RuleFor(x => x.Key).NotEmpty().MaximumLength(64).When(x => x.Scope != RuleScopes.Default).WithMessage("key: the queue, team or direction (1–64 characters).");
            r.RuleFor(x => x.Key).Must(k => k is "inbound" or "outbound").When(x => x.Scope == RuleScopes.Direction).WithMessage("key: inbound or outbound.");
            r.RuleFor(x => x.Key).Null().When(x => x.Scope == RuleScopes.Default).WithMessage("The default rule has no key.");
            r.RuleFor(x => x.Mode).Must(m => RuleModes.Each.Contains(m)).WithMessage($"mode: one of {string.Join(", ", RuleModes.Each)}.");
            r.RuleFor(x => x.SharePercent).InclusiveBetween(0, 100).WithMessage("sharePercent: 0 to 100.");
        });
        RuleFor(p => p.Rules).Must(r => r is null || r.Select(x => (x.Scope, x.Key)).Distinct().Count() == r.Count)
            .WithMessage("Each scope and key once.");
    }
}

/// <summary>The recording policy (admins): which calls are recorded, per queue, team and direction, and how long recordings are kept.</summary>
public static class PolicyEndpoints
{
    public static void MapRecordingPolicy(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/recordings/policy").WithTags("Recordings").RequireAuthorization(Policies.Administer);
        g.MapGet("/", async (CommandPipeline pipeline, CancellationToken ct) =>
            {
                var (policy, _) = await pipeline.LoadAsync<RecordingPolicyStream, RecordingPolicy, RecordingPolicyEvent>(RecordingPolicyStream.Id, ct);
                return TypedResults.Ok(new RecordingPolicyDto(policy.Rules, policy.RetentionDays));
            })
            .WithSummary("The recording policy (default: every call, kept 180 days).");
        g.MapPut("/", async (RecordingPolicyDto body, IValidator<RecordingPolicyDto> validator, CommandPipeline pipeline, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                await validator.ValidateAndThrowAsync(body, ct);
                var wanted = new RecordingPolicy([.. body.Rules], body.RetentionDays);
                var decided = await pipeline.HandleAsync<RecordingPolicyStream, RecordingPolicy, RecordingPolicyEvent>(RecordingPolicyStream.Id, null,
                    current => RecordingPolicyStream.Decide(current, wanted, clock.GetUtcNow()),
                    user.Metadata() with { Source = EventMetadata.Sources.Admin }, ct);
                return TypedResults.Ok(new RecordingPolicyDto(decided.State.Rules, decided.State.RetentionDays));
            })
            .WithSummary("Sets the policy. Rules: scope default|direction|queue|team, key (none for default; inbound|outbound for direction), " +
                "mode all|none|share with sharePercent. The most specific rule that matches a call decides: queue, team, direction, default.");
    }
}
