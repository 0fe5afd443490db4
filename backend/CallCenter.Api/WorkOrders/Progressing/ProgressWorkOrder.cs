using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;
using Mediator;

namespace CallCenter.WorkOrders.Progressing;

/// <summary>Records one flow step on the work order's stream (R-WO-2). IfMatch: the revision (ETag) the client saw, optional.</summary>
public sealed record ProgressWorkOrder(string WorkOrderId, WorkOrderStep Step, long? IfMatch) : ICommand<WorkOrderProgressed>;

public sealed record WorkOrderProgressed(string Id, string Status, string CurrentStep, string? Technician, string? Team, long Revision);

public sealed class ProgressWorkOrderValidator : AbstractValidator<ProgressWorkOrder>
{
    public ProgressWorkOrderValidator()
    {
        When(c => c.Step is Assign or Reassign, () =>
        {
            RuleFor(c => Assignee(c.Step)).Must(a => a.Technician is not null || a.Team is not null)
                .WithName("technician").WithMessage("Choose a technician or a team.");
            RuleFor(c => Assignee(c.Step).Technician).Must(t => t is null || FieldTeams.FindTechnician(t) is not null)
                .WithName("technician").WithMessage(c => $"There is no technician '{Assignee(c.Step).Technician}'.");
            RuleFor(c => Assignee(c.Step).Team).Must(t => t is null || FieldTeams.FindTeam(t) is not null)
                .WithName("team").WithMessage(c => $"There is no team '{Assignee(c.Step).Team}'.");
            RuleFor(c => Assignee(c.Step)).Must(a => a.Technician is null || a.Team is null || FieldTeams.FindTechnician(a.Technician)?.Team == a.Team)
                .WithName("team").WithMessage("The technician is not in that team.");
        });
        When(c => c.Step is Reassign, () => RuleFor(c => ((Reassign)c.Step).Reason).NotEmpty().MaximumLength(500)
            .WithName("reason").WithMessage("Say why it is reassigned (1 to 500 characters)."));
        When(c => c.Step is Complete, () =>
        {
            RuleFor(c => ((Complete)c.Step).Result).Must(r => WorkOrderResults.All.Contains(r))
                .WithName("result").WithMessage($"result: one of {string.Join(", ", WorkOrderResults.All)}.");
            RuleFor(c => ((Complete)c.Step).Note).MaximumLength(2000).WithName("note");
        });
    }

    static (string? Technician, string? Team) Assignee(WorkOrderStep s) => s switch
    {
        Assign a => (a.Technician, a.Team),
        Reassign r => (r.Technician, r.Team),
        _ => (null, null),
    };
}

public sealed class ProgressWorkOrderHandler(CommandPipeline pipeline, CurrentUser user) : ICommandHandler<ProgressWorkOrder, WorkOrderProgressed>
{
    public async ValueTask<WorkOrderProgressed> Handle(ProgressWorkOrder c, CancellationToken ct)
    {
        var decided = await pipeline.HandleAsync<WorkOrderStream, WorkOrder, WorkOrderEvent>(
            c.WorkOrderId, c.IfMatch, s => WorkOrderFlow.Decide(s, c.WorkOrderId, c.Step), user.Metadata(), ct);
        var s = decided.State;
        return new WorkOrderProgressed(c.WorkOrderId, s.Status, s.CurrentStep, s.Technician, s.Team, decided.Revision);
    }
}
