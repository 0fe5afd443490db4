using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing.VoiceMessages;

/// <summary>R-ACD-5: agents list and play the voice messages callers left, and mark them handled (calling back is a dial).</summary>
public static class VoiceMessageEndpoints
{
    public static void MapVoiceMessages(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/voice-messages").WithTags("ACD").RequireAuthorization(Policies.Desk);
        g.MapGet("/", async Task<Results<Ok<List<VoiceMessageDto>>, ValidationProblem>> (string? queue, int? take, bool? handled, ReadModelDb db, CancellationToken ct) =>
            {
                if (take is < 1 or > 500)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["1 to 500."] });
                var handling = (await Sql.QueryAsync(await Sql.ConnectionAsync(db, ct), "select call_id, handled_by, handled_at from voice_messages_handled",
                    r => (r.GetString(0), (r.GetString(1), r.GetFieldValue<DateTimeOffset>(2))), ct)).ToDictionary(h => h.Item1, h => h.Item2);
                var handledIds = handling.Keys.ToList();
                var rows = await db.Set<VoiceMessageRow>().AsNoTracking()
                    .Where(m => queue == null || m.Queue == queue)
                    .Where(m => handled == null || (handled == true ? handledIds.Contains(m.CallId) : !handledIds.Contains(m.CallId)))
                    .OrderByDescending(m => m.At).ThenByDescending(m => m.Position)
                    .Take(take ?? 100).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(r => VoiceMessageDto.From(r, handling.TryGetValue(r.CallId, out var h) ? h : null)).ToList());
            })
            .WithSummary("Voice messages, newest first; optionally of one queue, and handled or not (take 1–500, default 100). handledBy/handledAt say who dealt with one.");

        g.MapGet("/{callId}/audio", async Task<Results<FileContentHttpResult, NotFound>> (string callId, ReadModelDb db, CancellationToken ct) =>
                await db.Set<VoiceMessageRow>().AsNoTracking().SingleOrDefaultAsync(m => m.CallId == callId, ct) is { } message
                    ? TypedResults.File(ToneWav.For(message.CallId, message.DurationSeconds), "audio/wav", $"{message.CallId}.wav", enableRangeProcessing: true)
                    : TypedResults.NotFound())
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "audio/wav")
            .WithSummary("The message as a WAV file (simulated: a tone sequence, at most 10 s).");

        g.MapPost("/{callId}/handled", async (string callId, ReadModelDb db, CommandPipeline pipeline, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await db.Set<VoiceMessageRow>().AsNoTracking().AnyAsync(m => m.CallId == callId, ct))
                    throw new NotFoundException($"There is no voice message '{callId}'.");
                var decided = await pipeline.HandleAsync<VoiceMessageStream, VoiceMessageState, VoiceMessageEvent>(callId, null,
                    s => VoiceMessageStream.Handle(s, callId, user.Id, clock.GetUtcNow()), user.Metadata(), ct);
                return TypedResults.Ok(new VoiceMessageHandledDto(callId, decided.State.HandledBy!));
            })
            .WithSummary("Marks the voice message handled (agents, supervisors, admins); handled already: nothing changes and the first handler is returned.");
    }
}

public sealed record VoiceMessageHandledDto(string CallId, string HandledBy);
