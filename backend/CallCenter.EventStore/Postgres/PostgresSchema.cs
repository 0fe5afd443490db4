namespace CallCenter.EventStore;

/// <summary>The schema scripts, embedded from eventstore/postgres/*.sql as "eventstore.postgres.&lt;file&gt;".</summary>
internal static class PostgresSchema
{
    const string Prefix = "eventstore.postgres.";

    public static IEnumerable<string> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
