using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using FluentValidation;
using Mediator;

namespace CallCenter.Settings.Changing;

/// <summary>Admins change the center's time zone and/or the short-abandon threshold, in effect from <c>At</c> (now) on.</summary>
public sealed record ChangeCenterSettings(string? TimeZone, int? ShortAbandonSeconds, DateTimeOffset At) : ICommand<CenterSettingsHistory>;

public sealed class ChangeCenterSettingsValidator : AbstractValidator<ChangeCenterSettings>
{
    public ChangeCenterSettingsValidator()
    {
        RuleFor(c => c.TimeZone).Must(z => CenterTime.FindZone(z) is not null).When(c => c.TimeZone is not null)
            .WithName("timeZone").WithMessage("timeZone must be an IANA time zone id, e.g. Asia/Shanghai.");
        RuleFor(c => c.ShortAbandonSeconds).InclusiveBetween(0, 600).When(c => c.ShortAbandonSeconds is not null).WithName("shortAbandonSeconds");
    }
}

public sealed class ChangeCenterSettingsHandler(CommandPipeline pipeline, CurrentUser user, CenterClock center)
    : ICommandHandler<ChangeCenterSettings, CenterSettingsHistory>
{
    public async ValueTask<CenterSettingsHistory> Handle(ChangeCenterSettings c, CancellationToken ct)
    {
        var decided = await pipeline.HandleAsync<CenterSettingsStream, CenterSettingsHistory, CenterSettingChanged>(CenterSettingsStream.Id, null,
            s => Decide(s, c, user.Id), user.Metadata(), ct);
        if (CenterTime.FindZone(decided.State.TimeZone) is { } zone) center.Use(zone);
        return decided.State;
    }

    /// <summary>Pure: an event for each setting that changes; nothing when nothing does.</summary>
    public static IReadOnlyList<CenterSettingChanged> Decide(CenterSettingsHistory s, ChangeCenterSettings c, string by)
    {
        var events = new List<CenterSettingChanged>();
        if (CenterTime.FindZone(c.TimeZone) is { } zone && zone.Id != s.TimeZone) events.Add(new CenterTimeZoneSet(zone.Id, by, c.At));
        if (c.ShortAbandonSeconds is { } seconds && seconds != s.ShortAbandonSecondsAt(c.At)) events.Add(new ShortAbandonThresholdSet(seconds, by, c.At));
        return events;
    }
}
