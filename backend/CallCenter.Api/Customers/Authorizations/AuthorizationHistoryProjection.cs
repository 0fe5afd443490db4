using CallCenter.Agents.CurrentStates;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Customers.Authorizations;

/// <summary>R-SVC-2: the authorisation history of every customer, from the `authorization-*` streams (event time only).</summary>
public sealed class AuthorizationHistoryProjection : IProjection
{
    public string Name => "customer-authorizations";
    public EventFilter Filter { get; } = new([CustomerAuthorizationStream.Prefix]);

    public async Task<bool> EnsureStorageAsync(ReadModelDb db, CancellationToken ct)
    {
        var existed = await AgentStateProjection.TableExistsAsync(db, AuthorizationRow.Table, ct);
        await db.Database.ExecuteSqlRawAsync(AuthorizationRow.Ddl, ct);
        return !existed;
    }

    public async Task<object?> ApplyAsync(ReadModelDb db, IReadOnlyList<RecordedEvent> batch, CancellationToken ct)
    {
        foreach (var recorded in batch)
        {
            var e = CustomerAuthorizationStream.Decode(recorded.Type, recorded.Data);
            if (e is null || await db.Set<AuthorizationRow>().FindAsync([recorded.EventId], ct) is not null) continue;
            var by = EventMetadata.FromJson(recorded.Metadata)?.Actor ?? "";
            db.Add(e switch
            {
                DeviceReauthorized x => new AuthorizationRow
                {
                    EventId = recorded.EventId, CustomerId = x.CustomerId, Kind = AuthorizationKinds.Reauthorized, Device = x.Device,
                    Identifier = x.Identifier, Reason = x.Reason, By = by, At = x.At.ToUniversalTime(), Position = (long)recorded.Position,
                },
                TemporaryAuthorizationGranted x => new AuthorizationRow
                {
                    EventId = recorded.EventId, CustomerId = x.CustomerId, Kind = AuthorizationKinds.Temporary, Days = x.Days,
                    Until = x.Until.ToUniversalTime(), Reason = x.Reason, By = by, At = x.At.ToUniversalTime(), Position = (long)recorded.Position,
                },
                _ => throw new InvalidOperationException(e.GetType().Name),
            });
        }
        return null;
    }

    public Task AfterCommitAsync(object? applied, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
