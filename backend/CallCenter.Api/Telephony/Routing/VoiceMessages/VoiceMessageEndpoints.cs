using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Telephony.Routing.VoiceMessages;

/// <summary>R-ACD-5: agents list and play the voice messages callers left.</summary>
public static class VoiceMessageEndpoints
{
    public static void MapVoiceMessages(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/voice-messages").WithTags("ACD").RequireAuthorization(Policies.Desk);
        g.MapGet("/", async Task<Results<Ok<List<VoiceMessageDto>>, ValidationProblem>> (string? queue, int? take, ReadModelDb db, CancellationToken ct) =>
            {
                if (take is < 1 or > 500)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["1 to 500."] });
                var rows = await db.Set<VoiceMessageRow>().AsNoTracking()
                    .Where(m => queue == null || m.Queue == queue)
                    .OrderByDescending(m => m.At).ThenByDescending(m => m.Position)
                    .Take(take ?? 100).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(VoiceMessageDto.From).ToList());
            })
            .WithSummary("Voice messages, newest first; optionally of one queue (take 1–500, default 100).");

        g.MapGet("/{callId}/audio", async Task<Results<FileContentHttpResult, NotFound>> (string callId, ReadModelDb db, CancellationToken ct) =>
                await db.Set<VoiceMessageRow>().AsNoTracking().SingleOrDefaultAsync(m => m.CallId == callId, ct) is { } message
                    ? TypedResults.File(ToneWav.For(message.CallId, message.DurationSeconds), "audio/wav", $"{message.CallId}.wav", enableRangeProcessing: true)
                    : TypedResults.NotFound())
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "audio/wav")
            .WithSummary("The message as a WAV file (simulated: a tone sequence, at most 10 s).");
    }
}
