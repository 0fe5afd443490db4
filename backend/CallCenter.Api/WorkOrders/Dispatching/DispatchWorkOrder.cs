using CallCenter.Agents;
using CallCenter.Customers;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;
using Mediator;

namespace CallCenter.WorkOrders.Dispatching;

/// <summary>R-SVC-3, R-WO-1: dispatch a work order for a customer, from a call or not; the customer's data is filled in from the directory.</summary>
/// <param name="IdempotencyKey">The client's Idempotency-Key (issue 17): the same key from the same user gives the same work order, dispatched once.</param>
public sealed record DispatchWorkOrder(string? CustomerId, string? Type, string? Description, string? CallId, DateTimeOffset At, string? IdempotencyKey = null)
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
        RuleFor(c => c.IdempotencyKey).Length(8, 128).Matches("^[A-Za-z0-9._:-]+$").When(c => c.IdempotencyKey is not null)
            .WithName("Idempotency-Key").WithMessage("Idempotency-Key: 8 to 128 letters, digits or . _ : - (e.g. a UUID).");
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
        // With an Idempotency-Key the id is the key's (per user): a retried POST finds the work order and stores nothing new.
        var id = c.IdempotencyKey is { } key ? DeterministicGuid.Create(IdempotencyNamespace, $"{user.Id}\n{key}").ToString("N") : Guid.NewGuid().ToString("N");
        if (c.IdempotencyKey is not null && await ExistingAsync(id, ct) is { } first) return first;
        var metadata = user.Metadata();
        // Every check is made: the serial (the one effect before the work order itself) is taken only now.
        var serial = await serials.TakeAsync(id, c.At, metadata, ct);
        var dispatched = new WorkOrderDispatched(id, serial, c.Type!, customer.Id, customer.Name, customer.Area, customer.ServiceType,
            c.CallId, c.Description!.Trim(), user.Id, c.At);
        Decided<WorkOrder> decided;
        try { decided = await pipeline.AppendAsync<WorkOrderStream, WorkOrder, WorkOrderEvent>(id, WorkOrderStream.Initial, -1, [dispatched], metadata, ct); }
        catch (EventStore.WrongExpectedVersionException) when (c.IdempotencyKey is not null)
        {
            // The same key's other request won the race (its serial is the one kept).
            return await ExistingAsync(id, ct) ?? throw new InvalidOperationException("The work order of this key was not found after a conflict.");
        }
        if (c.CallId is not null) await WrapUpAsync(metadata, c.At, ct);
        return new WorkOrderDispatchedResult(id, serial, decided.Revision);
    }

    static readonly Guid IdempotencyNamespace = new("7d4c2f0e-5b7a-4e39-9a61-3f0c8e2d1b17");

    async Task<WorkOrderDispatchedResult?> ExistingAsync(string id, CancellationToken ct)
    {
        var (state, revision) = await pipeline.LoadAsync<WorkOrderStream, WorkOrder, WorkOrderEvent>(id, ct);
        return state.Exists ? new WorkOrderDispatchedResult(id, state.Serial!, revision) : null;
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
