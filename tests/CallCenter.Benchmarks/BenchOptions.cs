using System.Globalization;

namespace CallCenter.Benchmarks;

/// <summary>Command-line options of the append benchmark.</summary>
public sealed record BenchOptions(string ConnectionString, int Seconds, int WarmupSeconds, IReadOnlyList<int> Writers, int? AppendBatches, string Store = "postgres")
{
    public const string Usage =
        "usage: CallCenter.Benchmarks --connection <npgsql or esdb:// connection string> [--seconds 10] [--warmup 2] [--writers 1,8,32] [--append-batches N] [--store postgres|eventstoredb]\n" +
        "  --append-batches: at most N transactions append at once, others are batched into them (0 = one transaction per append; default: the store's default)";

    public static BenchOptions Parse(string[] args)
    {
        string? connection = null;
        var seconds = 10;
        var warmup = 2;
        IReadOnlyList<int> writers = [1, 8, 32];
        int? appendBatches = null;
        var store = "postgres";
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string Value() => inlineValue ?? (++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value."));
            switch (name)
            {
                case "--connection": connection = Value(); break;
                case "--seconds": seconds = PositiveInt(name, Value()); break;
                case "--warmup": warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--append-batches": appendBatches = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                case "--writers": writers = Value().Split(',').Select(w => PositiveInt(name, w.Trim())).ToArray(); break;
                case "--store":
                    store = Value();
                    if (store is not ("postgres" or "eventstoredb"))
                        throw new ArgumentException($"--store={store}: expected postgres or eventstoredb.");
                    break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'.");
            }
        }
        if (string.IsNullOrWhiteSpace(connection)) throw new ArgumentException("--connection is required.");
        return new BenchOptions(connection, seconds, warmup, writers, appendBatches, store);
    }

    static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} expects a positive whole number, got '{value}'.");
}
