using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Alarms.Counting;

/// <summary>
/// Runs alarm commands against one area's stream: load, fold, decide each command in turn, append at the loaded
/// revision. The reactor and the clock may both write an area: a conflict means fold again.
/// </summary>
public sealed class AlarmAreaWriter(IEventStore store, TimeProvider clock)
{
    readonly CommandPipeline pipeline = new(store);

    public async Task ApplyAsync(string area, IReadOnlyList<AlarmCommand> commands, EventMetadata metadata, CancellationToken ct)
    {
        var (rules, _) = await pipeline.LoadAsync<AlarmRulesStream, IReadOnlyList<AlarmRule>, AlarmThresholdsSet>(AlarmRulesStream.Id, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (state, revision) = await pipeline.LoadAsync<AlarmStream, AlarmArea, AlarmEvent>(area, ct);
                var now = clock.GetUtcNow();
                var decided = new List<AlarmEvent>();
                var s = state;
                foreach (var command in commands)
                {
                    var events = AlarmDecider.Decide(s, area, command, rules, now);
                    foreach (var e in events) s = AlarmStream.Evolve(s, e);
                    decided.AddRange(events);
                }
                await pipeline.AppendAsync<AlarmStream, AlarmArea, AlarmEvent>(area, state, revision, decided, metadata, ct);
                return;
            }
            catch (WrongExpectedVersionException) when (attempt < 5) { }
        }
    }
}
