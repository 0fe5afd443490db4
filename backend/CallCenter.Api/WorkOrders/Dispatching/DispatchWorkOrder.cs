using CallCenter.Agents;
using CallCenter.Customers;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;
using Mediator;

namespace CallCenter.WorkOrders.Dispatching;

/// <summary>R-SVC-3, R-WO-1: dispatch a work order for a customer, from a call or not; the customer's data is filled in from the directory.</summary>
/// <remarks>A retried POST with the same Idempotency-Key never gets here (decision 0023, <c>Infrastructure/Http/Idempotency.cs</c>).</remarks>
public sealed record DispatchWorkOrder(string? CustomerId, string? Type, string? Description, string? CallId, DateTimeOffset At)
    : ICommand<WorkOrderDispatchedResult>;

public sealed record DispatchBody(string? CustomerId, string? Type, string? Description, string? CallId);
public sealed record WorkOrderDispatchedResult(string Id, string Serial, long Revision);

public sealed class DispatchWorkOrderValidator : AbstractValidator<DispatchWorkOrder>
{
    public DispatchWorkOrderValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().MaximumLength(32).WithMessage("Choose the customer (customerId).");
        RuleFor(c => c.Type).NotEmpty().Must(t => WorkOrderTypes.All.Contains(t)).WithMessage($"type: one of {string.Join(", ", WorkOrderTypes.All)}.");
        RuleFor(c => c.Description).NotEmpty().MaximumLength(2000).WithMessage("Describe the work (1 to 2000 characters).");
        RuleFor(c => c.CallId).MaximumLength(64).Matches("^[A-Za-z0-9._:-]+$").When(c => c.CallId is not null)
            .WithMessage("callId: letters, digits, . _ : - only.");
    }
}

public sealed class DispatchWorkOrderHandler(CommandPipeline pipeline, CustomerDirectory customers, WorkOrderSerials serials, CurrentUser user)
    : ICommandHandler<DispatchWorkOrder, WorkOrderDispatchedResult>
{
    public async ValueTask<WorkOrderDispatchedResult> Handle(DispatchWorkOrder c, CancellationToken ct)
    {
        var customer = await customers.FindByIdAsync(c.CustomerId, ct) ?? throw new NotFoundException($"There is no customer '{c.CustomerId}'.");
        var id = Guid.NewGuid().ToString("N");
        var metadata = user.Metadata();
        // Every check is made: the serial (the one effect before the work order itself) is taken only now.
        var serial = await serials.TakeAsync(id, c.At, metadata, ct);
        var dispatched = new WorkOrderDispatched(id, serial, c.Type!, customer.Id, customer.Name, customer.Area, customer.ServiceType,
            c.CallId, c.Description!.Trim(), user.Id, c.At);
        var decided = await pipeline.AppendAsync<WorkOrderStream, WorkOrder, WorkOrderEvent>(id, WorkOrderStream.Initial, -1, [dispatched], metadata, ct);
        if (c.CallId is not null) await WrapUpAsync(metadata, c.At, ct);
        return new WorkOrderDispatchedResult(id, serial, decided.Revision);
    }

    /// <summary>
    /// R-STATE-4: dispatching from a call right after hanging up puts the agent in after-call work, so that no new call
    /// rings while the form is filled in (an agent still talking gets there anyway when the call ends).
    /// </summary>
    async Task WrapUpAsync(EventMetadata metadata, DateTimeOffset at, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(user.Id, null,
                    s => s.Status is AgentStatus.Ready or AgentStatus.NotReady ? [new AgentStartedWrapUp(user.Id, at)] : [], metadata, ct);
                return;
            }
            catch (EventStore.WrongExpectedVersionException) when (attempt < 3) { } // the PBX reactor wrote meanwhile: fold again
        }
    }
}
