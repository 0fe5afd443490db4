using CallCenter.Infrastructure.Projections;
using CallCenter.Telephony.Routing.VoiceMessages;

namespace CallCenter.Telephony.Routing;

/// <summary>The ACD's registrations and endpoints (queues, blacklist, voice messages).</summary>
public static class RoutingSetup
{
    public static IServiceCollection AddAcd(this IServiceCollection s)
    {
        s.AddSingleton<QueueDirectory>();
        s.AddSingleton<SkillLevels>();
        s.AddSingleton<BlacklistService>();
        s.AddSingleton<IProjection, VoiceMessageProjection>();
        return s;
    }

    public static void MapAcd(this IEndpointRouteBuilder app)
    {
        app.MapQueues();
        app.MapBlacklist();
        SkillGroups.SkillGroupEndpoints.MapSkillGroups(app);
        Calendars.CalendarEndpoints.MapBusinessCalendars(app);
        app.MapVoiceMessages();
    }
}
