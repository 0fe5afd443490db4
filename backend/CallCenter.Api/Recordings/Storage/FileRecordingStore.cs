namespace CallCenter.Recordings.Storage;

/// <summary>
/// The embedded default store: files under a root folder (CALLCENTER_RECORDINGS_DIR, default <c>.data/recordings</c> in the
/// working directory). Locations are <c>file-store:{key}</c>; a key never leaves the root.
/// </summary>
public sealed class FileRecordingStore(string root) : IRecordingStore
{
    public const string Scheme = "file-store:";
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<string> SaveAsync(string key, byte[] audio, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, audio, ct);
        File.Move(temporary, path, overwrite: true); // readers never see half a file
        return Scheme + key;
    }

    public bool Owns(string location) => location.StartsWith(Scheme, StringComparison.Ordinal);

    public Task<Stream?> OpenAsync(string location, CancellationToken ct)
    {
        var path = PathOf(location[Scheme.Length..]);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string location, CancellationToken ct)
    {
        File.Delete(PathOf(location[Scheme.Length..])); // no error when missing
        return Task.CompletedTask;
    }

    string PathOf(string key)
    {
        if (key.Length == 0 || key.Contains('\\') || key.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"Bad recording key '{key}'.", nameof(key));
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Bad recording key '{key}'.", nameof(key));
        return path;
    }
}
