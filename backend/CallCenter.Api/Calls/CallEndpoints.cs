using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallCenter.Calls.Ingesting;
using CallCenter.Calls.Tagging;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Calls;

/// <summary>/api/cti: the PBX connector's door (API key), and /api/calls: what agents do with calls.</summary>
public static class CallEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static void MapCalls(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cti/events", async Task<Results<Accepted<IngestResult>, ProblemHttpResult>> (
                HttpContext http, AppOptions options, IMediator mediator, CancellationToken ct) =>
            {
                if (!KeyMatches(http.Request.Headers[ApiKeyHeader].ToString(), options.CtiKey))
                    return TypedResults.Problem(statusCode: 401, title: "Missing or wrong X-Api-Key.");
                if (!InputGuard.IsJson(http.Request.ContentType))
                    return TypedResults.Problem(statusCode: 415, title: "Send application/json.");
                var events = await ReadOneOrManyAsync(http.Request, ct);
                return TypedResults.Accepted((string?)null, await mediator.Send(new IngestCtiEvents(events), ct));
            })
            .AllowAnonymous().WithTags("Telephony (CTI)").Accepts<CtiEvent[]>("application/json")
            // The batch limit is enforced while the body streams past, before any element is bound (InputGuard).
            .WithMetadata(new InputLimits(MaxString: 500, MaxItems: IngestCtiEventsValidator.MaxBatch, MaxBody: 8 * 1_048_576, RootName: "events"))
            .WithSummary("PBX facts, one event or an array; idempotent by eventId; occurredAt is event time. A malformed batch stores nothing (400 names the event and field).");

        var calls = app.MapGroup("/api/calls").WithTags("Calls").RequireAuthorization(Policies.Desk);
        calls.MapPost("/{callId}/tag", async (string callId, TagBody body, CurrentUser user, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TagCall(callId, body.Purpose, body.Subtype, body.CustomerId, user.Id, user.CanSupervise, clock.GetUtcNow()), ct)))
            .WithSummary("Tag a call with purpose and sub-type (R-TAG-1); required before the agent can be ready again (R-TAG-2). customerId: the customer the call was about when the pop offered several.");
    }

    /// <summary>The PBX connector's key, compared in constant time.</summary>
    internal static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>API.md allows one event or an array: a single object is read as a batch of one.</summary>
    static async Task<IReadOnlyList<CtiEvent>> ReadOneOrManyAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return doc.RootElement.ValueKind switch
            {
                JsonValueKind.Array when doc.RootElement.GetArrayLength() > IngestCtiEventsValidator.MaxBatch =>
                    throw new FluentValidation.ValidationException([new("events", $"At most {IngestCtiEventsValidator.MaxBatch} events per batch.")]),
                JsonValueKind.Array => doc.RootElement.Deserialize<List<CtiEvent?>>(Json.Options)!.Select(e => e ?? Empty).ToList(),
                JsonValueKind.Object => [doc.RootElement.Deserialize<CtiEvent>(Json.Options)!],
                _ => throw new BadHttpRequestException("Send one CTI event object or an array of them."),
            };
        }
        catch (JsonException j)
        {
            throw new BadHttpRequestException("Malformed JSON.", j);
        }
    }

    static readonly CtiEvent Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
