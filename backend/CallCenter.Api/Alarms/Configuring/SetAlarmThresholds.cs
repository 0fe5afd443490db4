using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;
using Mediator;

namespace CallCenter.Alarms.Configuring;

/// <summary>R-ALARM-2: admins set the thresholds (calls in the window for levels 3, 2 and 1) and the window, from now on.</summary>
public sealed record SetAlarmThresholds(int Level3, int Level2, int Level1, int WindowMinutes, DateTimeOffset At) : ICommand<AlarmSettingsDto>;

public sealed record AlarmSettingsDto(int Level3, int Level2, int Level1, int WindowMinutes, DateTimeOffset? Since);

public sealed class SetAlarmThresholdsValidator : AbstractValidator<SetAlarmThresholds>
{
    public SetAlarmThresholdsValidator()
    {
        RuleFor(c => c.Level3).InclusiveBetween(1, 10_000).WithName("level3");
        RuleFor(c => c.Level2).GreaterThan(c => c.Level3).WithName("level2").WithMessage("level2 must be more calls than level3.");
        RuleFor(c => c.Level1).GreaterThan(c => c.Level2).WithName("level1").WithMessage("level1 must be more calls than level2.");
        RuleFor(c => c.WindowMinutes).InclusiveBetween(5, 1440).WithName("windowMinutes");
    }
}

public sealed class SetAlarmThresholdsHandler(CommandPipeline pipeline, CurrentUser user) : ICommandHandler<SetAlarmThresholds, AlarmSettingsDto>
{
    public async ValueTask<AlarmSettingsDto> Handle(SetAlarmThresholds c, CancellationToken ct)
    {
        var decided = await pipeline.HandleAsync<AlarmRulesStream, IReadOnlyList<AlarmRule>, AlarmThresholdsSet>(AlarmRulesStream.Id, null,
            rules => Same(rules[^1], c) ? [] : [new AlarmThresholdsSet(c.Level3, c.Level2, c.Level1, c.WindowMinutes, user.Id, c.At)], user.Metadata(), ct);
        return AlarmSettings.From(decided.State[^1]);
    }

    static bool Same(AlarmRule r, SetAlarmThresholds c) =>
        (r.Level3, r.Level2, r.Level1, r.WindowMinutes) == (c.Level3, c.Level2, c.Level1, c.WindowMinutes);
}

public static class AlarmSettings
{
    public static AlarmSettingsDto From(AlarmRule r) =>
        new(r.Level3, r.Level2, r.Level1, r.WindowMinutes, r.From == DateTimeOffset.MinValue ? null : r.From);
}
