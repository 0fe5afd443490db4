using CallCenter.EventStore;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Recordings.CallLog;
using CallCenter.Recordings.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Recordings.Listening;

/// <summary>R-REC-1: find recordings, play and download them (every access an event), and see who listened.</summary>
public static class RecordingEndpoints
{
    public static void MapRecordingSearch(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/recordings").WithTags("Recordings").RequireAuthorization();

        g.MapGet("/", async (string? agentId, string? from, string? to, string? ani, string? dnis, string? callId, string? minSeconds,
                string? maxSeconds, string? purpose, string? team, string? take, ListeningRights rights, ReadModelDb db, CancellationToken ct) =>
            {
                var filter = new CallFilter(QueryInput.Instant("from", from), QueryInput.Instant("to", to), QueryInput.Text("agentId", agentId),
                    Ani: QueryInput.Text("ani", ani, 32), Dnis: QueryInput.Text("dnis", dnis, 32), CallId: QueryInput.Text("callId", callId),
                    MinSeconds: QueryInput.Between("minSeconds", minSeconds, 0, 86_400), MaxSeconds: QueryInput.Between("maxSeconds", maxSeconds, 0, 86_400),
                    Purpose: QueryInput.Text("purpose", purpose), Team: QueryInput.Text("team", team), Take: QueryInput.Between("take", take, 1, 1000) ?? 200);
                var scope = await rights.SearchScopeAsync(ct);
                if (scope.None) throw new ForbiddenException("Your role hears no recordings.");
                return TypedResults.Ok(await CallLogQueries.RecordingsAsync(await Sql.ConnectionAsync(db, ct), filter, scope, ct));
            })
            .WithSummary("Recordings by agent, time (from inclusive, to exclusive), caller (ani) or callee (dnis) number part, call id, " +
                "talk seconds, purpose and team; newest first (take 1–1000, default 200). Agents see their own calls, supervisors their team's, QA, admins and auditors all.");

        g.MapGet("/{id}/audio", async Task<FileStreamHttpResult> (string id, bool? download, HttpContext http,
                ListeningRights rights, CurrentUser user, ReadModelDb db, IRecordingStore store, IEventStore events, TimeProvider clock, CancellationToken ct) =>
            {
                if (await CallLogQueries.RecordingAsync(await Sql.ConnectionAsync(db, ct), id, ct) is not { } recording)
                    throw new NotFoundException($"There is no recording '{id}'.");
                if (!await rights.MayHearAsync(recording.Agents, ct))
                    throw new ForbiddenException($"'{user.Id}' may not hear recording '{id}'.");
                if (recording.Deleted || !store.Owns(recording.Location) || await store.OpenAsync(recording.Location, ct) is not { } audio)
                    throw new NotFoundException($"The audio of recording '{id}' is no longer kept.");
                if (IsNewListening(http.Request))
                {
                    var accessed = new RecordingAccessed(id, user.Id, download == true ? AccessKinds.Download : AccessKinds.Play, clock.GetUtcNow());
                    await events.AppendAsync(RecordingStream.StreamId(id), ExpectedRevision.Any,
                        [StreamTypeExtensions.Encode<RecordingStream, Recording, RecordingEvent>(accessed, user.Metadata())], ct);
                }
                return TypedResults.Stream(audio, "audio/wav", download == true ? $"{id}.wav" : null, enableRangeProcessing: true);
            })
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "audio/wav").Produces(StatusCodes.Status206PartialContent, typeof(byte[]), "audio/wav")
            .WithSummary("The recording's audio (WAV; Range requests for seeking; download=true as an attachment). Each play or download is recorded. " +
                "403 unless the user may hear the call (agents their own, supervisors their team's, QA and admins all).");

        g.MapGet("/{id}/accesses", async (string id, IEventStore events, UserDirectory users, CancellationToken ct) =>
            {
                var rows = new List<RecordingAccessDto>();
                await foreach (var e in events.ReadStreamAsync(RecordingStream.StreamId(id), ct: ct))
                    if (RecordingStream.Decode(e.Type, e.Data) is RecordingAccessed a)
                        rows.Add(new RecordingAccessDto(a.UserId, await users.NameOfAsync(a.UserId, ct), a.Kind, a.At));
                return TypedResults.Ok(rows);
            })
            .RequireAuthorization(Policies.Audit)
            .WithSummary("Who played or downloaded the recording, and when (auditors, supervisors, admins), oldest first.");
    }

    /// <summary>
    /// A new listening starts with a request for the whole file or its beginning; the browser's later Range requests while
    /// the listener seeks belong to the same listening and are not recorded again.
    /// </summary>
    static bool IsNewListening(HttpRequest request)
    {
        var range = request.Headers.Range.ToString();
        return range.Length == 0 || range.Replace(" ", "").StartsWith("bytes=0-", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed record RecordingAccessDto(string UserId, string UserName, string Kind, DateTimeOffset At);
