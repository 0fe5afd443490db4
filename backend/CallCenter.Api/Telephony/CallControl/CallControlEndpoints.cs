using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Telephony.CallControl;

public sealed record CallRef(string CallId);
public sealed record TargetBody(string? TargetAgentId, string? TargetQueue, string? TargetNumber, string? ConsultCallId = null, string? Purpose = null);
public sealed record DialBody(string? Number, string? TargetAgentId, string? TargetQueue);
public sealed record ConsultCallBody(string? ConsultCallId);

/// <summary>The softphone's buttons (R-PHONE-3…11): each goes to the PBX through the telephony port, as the signed-in agent.</summary>
public static class CallControlEndpoints
{
    public static void MapCallControl(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/api/calls").WithTags("Softphone").RequireAuthorization(Policies.Desk);
        One(calls, "answer", "Answer the call ringing at you.", (t, id, me, by, ct) => t.AnswerAsync(id, me, by, ct));
        One(calls, "pick-up", "Pick up a call ringing at another extension (R-PHONE-3).", (t, id, me, by, ct) => t.PickUpAsync(id, me, by, ct));
        One(calls, "hold", "Hold: the customer hears music (R-PHONE-4).", (t, id, me, by, ct) => t.HoldAsync(id, me, by, ct));
        One(calls, "retrieve", "Take the call off hold.", (t, id, me, by, ct) => t.RetrieveAsync(id, me, by, ct));
        One(calls, "mute", "Mute: you hear the customer, not the reverse (R-PHONE-5).", (t, id, me, by, ct) => t.MuteAsync(id, me, by, ct));
        One(calls, "unmute", "Unmute.", (t, id, me, by, ct) => t.UnmuteAsync(id, me, by, ct));
        One(calls, "hang-up", "Hang up; in a three-way call you leave and the other two stay (R-PHONE-9).", (t, id, me, by, ct) => t.HangUpAsync(id, me, by, ct));

        calls.MapPost("/dial", async (DialBody body, ITelephony t, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(new CallRef(await t.DialAsync(user.Id, Target(body.TargetAgentId, body.TargetQueue, body.Number), user.Metadata(), ct))))
            .IdempotentCreate()
            .WithSummary("Outbound call by number, click-to-call, or internal call to an agent or skill group (R-PHONE-6, R-PHONE-7). Allowed while holding.");
        calls.MapPost("/{callId}/consult", async (string callId, TargetBody body, ITelephony t, CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(new CallRef(await t.ConsultAsync(callId, user.Id, Target(body.TargetAgentId, body.TargetQueue, body.TargetNumber),
                    body.Purpose == "help" ? "help" : "transfer", user.Metadata(), ct))))
            .WithSummary("Hold the call and call someone about it; purpose 'transfer' (consult, R-PHONE-8) or 'help' (internal help, R-PHONE-11). Returns the consult call.");
        calls.MapPost("/{callId}/transfer", async Task<Ok<CallRef>> (string callId, TargetBody body, ITelephony t, CurrentUser user, CancellationToken ct) =>
            {
                if (body.ConsultCallId is { } consult) await t.CompleteTransferAsync(callId, consult, user.Id, user.Metadata(), ct);
                else await t.TransferAsync(callId, user.Id, Target(body.TargetAgentId, body.TargetQueue, body.TargetNumber), user.Metadata(), ct);
                return TypedResults.Ok(new CallRef(callId));
            })
            .WithSummary("Blind transfer to an agent, skill group or number; or, with consultCallId, hand the call to the consulted party (R-PHONE-8).");
        calls.MapPost("/{callId}/conference", async (string callId, ConsultCallBody body, ITelephony t, CurrentUser user, CancellationToken ct) =>
            {
                await t.ConferenceAsync(callId, Required(body.ConsultCallId), user.Id, user.Metadata(), ct);
                return TypedResults.Ok(new CallRef(callId));
            })
            .WithSummary("Join the held call and the consult call: three-way (R-PHONE-9) or three-party help (R-PHONE-11).");
        calls.MapPost("/{callId}/connect-and-release", async (string callId, ConsultCallBody body, ITelephony t, CurrentUser user, CancellationToken ct) =>
            {
                await t.ConnectAndReleaseAsync(callId, Required(body.ConsultCallId), user.Id, user.Metadata(), ct);
                return TypedResults.Ok(new CallRef(callId));
            })
            .WithSummary("Connect the held party to the consulted party and release yourself (R-PHONE-10).");
    }

    delegate Task Action(ITelephony telephony, string callId, string agentId, EventMetadata by, CancellationToken ct);

    static void One(RouteGroupBuilder calls, string verb, string summary, Action action) =>
        calls.MapPost($"/{{callId}}/{verb}", async (string callId, ITelephony t, CurrentUser user, CancellationToken ct) =>
            {
                await action(t, callId, user.Id, user.Metadata(), ct);
                return TypedResults.Ok(new CallRef(callId));
            })
            .WithSummary(summary);

    static DialTarget Target(string? agentId, string? queue, string? number)
    {
        var given = new[] { agentId, queue, number }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1) throw new FluentValidation.ValidationException([new("targetAgentId", "Give exactly one of targetAgentId, targetQueue, number/targetNumber.")]);
        if (number is not null && Customers.PhoneNumbers.DigitsOf(number) is not { Length: >= 3 and <= 20 })
            throw new FluentValidation.ValidationException([new("number", "A phone number has 3 to 20 digits.")]);
        return new DialTarget(agentId, queue, number is null ? null : Customers.PhoneNumbers.DigitsOf(number));
    }

    static string Required(string? consultCallId) => consultCallId is { Length: > 0 } id ? id
        : throw new FluentValidation.ValidationException([new("consultCallId", "Name the consult call.")]);
}
