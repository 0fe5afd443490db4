using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using Mediator;

namespace CallCenter.Settings.Changing;

/// <summary>
/// A queue's service-level threshold was saved (the queue admin API): record it in the KPI settings history. The first
/// recorded change of a queue also records the value it had before (from the beginning of time), so the calls before the
/// change keep it in every rebuild. <c>Before</c> is null for a new queue.
/// </summary>
public sealed record RecordQueueServiceLevel(string Queue, int? Before, int After, DateTimeOffset At) : ICommand<CenterSettingsHistory>;

public sealed class RecordQueueServiceLevelHandler(CommandPipeline pipeline, CurrentUser user) : ICommandHandler<RecordQueueServiceLevel, CenterSettingsHistory>
{
    public async ValueTask<CenterSettingsHistory> Handle(RecordQueueServiceLevel c, CancellationToken ct) =>
        (await pipeline.HandleAsync<CenterSettingsStream, CenterSettingsHistory, CenterSettingChanged>(CenterSettingsStream.Id, null,
            s => Decide(s, c, user.Id), user.Metadata(), ct)).State;

    /// <summary>The queue admin stores 0 for "the default"; the history keeps the seconds that apply.</summary>
    public static int Seconds(int configured) => configured > 0 ? configured : CenterSettingsHistory.DefaultServiceLevelSeconds;

    public static IReadOnlyList<CenterSettingChanged> Decide(CenterSettingsHistory s, RecordQueueServiceLevel c, string by)
    {
        var after = Seconds(c.After);
        if (!s.QueueServiceLevel.TryGetValue(c.Queue, out var history) || history.Count == 0)
        {
            var before = c.Before is { } b ? Seconds(b) : after;
            return before == after
                ? [new QueueServiceLevelSet(c.Queue, after, by, DateTimeOffset.MinValue)]
                : [new QueueServiceLevelSet(c.Queue, before, by, DateTimeOffset.MinValue), new QueueServiceLevelSet(c.Queue, after, by, c.At)];
        }
        return history[^1].Value == after ? [] : [new QueueServiceLevelSet(c.Queue, after, by, c.At)];
    }
}
