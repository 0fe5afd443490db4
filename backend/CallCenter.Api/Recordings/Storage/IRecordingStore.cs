namespace CallCenter.Recordings.Storage;

/// <summary>
/// Where recording audio lives (decision 0015): the port. A location is the URI the PBX reported in RecordingReady;
/// a store answers for the locations it owns (its scheme) and nothing else.
/// </summary>
public interface IRecordingStore
{
    /// <summary>Stores the audio under <paramref name="key"/> (a relative path such as 2026/12/03/SIM-1.wav) and returns its location.</summary>
    Task<string> SaveAsync(string key, byte[] audio, CancellationToken ct);

    /// <summary>Whether this store owns <paramref name="location"/>.</summary>
    bool Owns(string location);

    /// <summary>Opens the audio (seekable) or null when it is gone.</summary>
    Task<Stream?> OpenAsync(string location, CancellationToken ct);

    /// <summary>Removes the audio; a location already gone is not an error.</summary>
    Task DeleteAsync(string location, CancellationToken ct);
}
