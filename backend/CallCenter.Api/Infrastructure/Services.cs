using CallCenter.Agents;
using CallCenter.Agents.CurrentStates;
using CallCenter.Auth.Me;
using CallCenter.Calls;
using CallCenter.Calls.ScreenPops;
using CallCenter.Customers;
using CallCenter.EventStore;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Infrastructure.Projections;
using CallCenter.Infrastructure.Projections.Rebuilds;
using CallCenter.Infrastructure.Realtime;
using CallCenter.Telephony.Pbx;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Npgsql;
using CallCenter.WorkOrders;

namespace CallCenter.Infrastructure;

/// <summary>Everything the app registers, in one place.</summary>
public static class Services
{
    public static void AddCallCenter(this WebApplicationBuilder builder)
    {
        var options = AppOptions.FromEnvironment(builder.Configuration);
        ProductionChecks.ThrowIfAny(options); // production refuses default secrets, naming the setting (docs/deployment.md)
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton<CenterClock>(); // the center's time zone (decision 0008)

        // Event store: EventStoreDB when EVENTSTORE_CONNECTION is set, else PostgreSQL (sharing the server, not the pool).
        s.AddSingleton(_ => new NpgsqlDataSourceBuilder(options.Database).Build());
        s.AddEventStore(builder.Configuration);
        s.AddDbContext<ReadModelDb>(o => o
            .UseNpgsql(options.Database, n => n.MigrationsAssembly(typeof(ReadModelDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention());

        // Commands: Mediator with access check then validation; pure deciders behind one pipeline.
        s.AddMediator(o =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(AgentAccessBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        s.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicyCamel(member.Name);
        s.AddScoped<CommandPipeline>();
        s.AddScoped<AgentCommandRunner>();
        s.AddScoped<AgentStateQueries>();
        s.AddScoped<MeQuery>();
        s.AddScoped<CallCenter.Calls.Tagging.CustomerAreas>();
        s.AddSingleton<IPasswordHasher<UserRow>, PasswordHasher<UserRow>>();
        s.AddCustomers();
        CallCenter.Telephony.Routing.RoutingSetup.AddAcd(s); // queues, blacklist, voice messages (R-ACD-2…5)
        s.AddWorkOrders();
        CallCenter.Alarms.AlarmEndpoints.AddAlarms(s);

        // Projections and live pushes.
        s.AddSingleton<ProjectionStatus>();
        s.AddSingleton<IProjection, AgentStateProjection>();
        s.AddSingleton<IProjection, CallsToAgents>();
        s.AddSingleton<IProjection, CallCenter.Calls.LiveCalls.LiveCallsProjection>();
        s.AddSimulatedPbx();
        CallCenter.Simulation.SimulationSetup.AddSimulation(s);
        s.AddScreenPops();
        CallCenter.Reports.CallFacts.CallReportsSetup.AddCallReports(s);
        CallCenter.Audit.AuditSetup.AddAudit(s); // R-USE-3: day index projection and the replay
        CallCenter.Reports.Intervals.IntervalKpisSetup.AddIntervalKpis(s); // R-RPT-3/4/5, R-ME-2
        CallCenter.Recordings.RecordingsSetup.AddRecordings(s, builder.Configuration); // R-REC-1, the call log
        CallCenter.Quality.QualitySetup.AddQuality(s); // quality inspection (issue 15)
        s.AddHostedService<ProjectionRunner>();
        s.AddProjectionRebuilds(); // R-USE-2, decision 0006
        s.AddSignalR();
        s.AddSingleton<DesktopPush>();
        CallCenter.Supervisor.Wallboard.WallboardEndpoints.AddWallboard(s); // R-SUP-7
        CallCenter.Agents.Breaks.BreakEndpoints.AddBreaks(s); // R-STATE-3
        CallCenter.Customers.Authorizations.AuthorizationEndpoints.AddAuthorizations(s); // R-SVC-2
        CallCenter.Supervisor.Supervising.SupervisionEndpoints.AddCallSupervision(s); // R-SUP-1…4
        CallCenter.Announcements.AnnouncementEndpoints.AddAnnouncements(s); // R-ANN-1
        CallCenter.Supervisor.Thresholds.ThresholdEndpoints.AddTeamThresholds(s); // R-SUP-6 team thresholds
        s.AddSingleton<IProjection, CallCenter.Supervisor.Notifications.SupervisorNotifications>(); // R-SUP-6

        // HTTP: auth, problem details, OpenAPI.
        s.AddCallCenterAuth(options);
        CallCenter.Users.UsersEndpoints.AddUsers(s);
        if (options.DataProtectionCert is null) builder.ProtectKeysAtRest(); // demo: keys encrypted with a generated certificate under .data (issue 17); production: the configured one (AuthSetup)
        s.AddProblemDetails();
        s.AddExceptionHandler<ProblemMapping>();
        s.AddSingleton<Outages>();
        s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        s.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        s.AddEndpointsApiExplorer();
        s.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CallCenter API",
                Version = "v1",
                Description = "Sign in with POST /api/auth/login (the session cookie then authorizes the calls here; the page sends the XSRF header for you).",
            });
            o.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "CallCenter.Api.xml"));
            CallCenter.Infrastructure.Http.OpenApi.OpenApiConventions.Add(o); // R-USE-4: errors, security, parameters, enums for every endpoint
            o.SchemaFilter<InputLimitsSchemaFilter>(); // the InputGuard's bounds, in the document (issue 17)
        });
    }

    static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
