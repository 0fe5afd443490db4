using CallCenter.Infrastructure.Projections;
using CallCenter.Recordings.CallLog;
using CallCenter.Recordings.Listening;
using CallCenter.Recordings.Policy;
using CallCenter.Recordings.Retention;
using CallCenter.Recordings.Simulated;
using CallCenter.Recordings.Storage;

namespace CallCenter.Recordings;

/// <summary>Recordings (R-REC-1) and the call log: storage, the simulated PBX's recorder, policy, retention, search and play.</summary>
public static class RecordingsSetup
{
    /// <summary>Where the embedded file store keeps audio (relative to the working directory unless absolute).</summary>
    public const string DirectorySetting = "CALLCENTER_RECORDINGS_DIR";

    public static void AddRecordings(this IServiceCollection s, IConfiguration config)
    {
        var root = config[DirectorySetting] is { Length: > 0 } dir ? dir : Path.Combine(".data", "recordings");
        s.AddSingleton<IRecordingStore>(new FileRecordingStore(root));
        s.AddSingleton<IProjection, CallLogProjection>();
        s.AddSingleton<IProjection, SimulatedRecorder>();
        s.AddScoped<ListeningRights>();
        s.AddSingleton<RetentionSweep>();
        s.AddHostedService<RetentionService>();
    }

    public static void MapRecordings(this IEndpointRouteBuilder app)
    {
        app.MapRecordingPolicy();
        app.MapRecordingSearch();
        app.MapCallLog();
    }
}
