using CallCenter.Agents;
using CallCenter.Announcements;
using CallCenter.Auth;
using CallCenter.Calls;
using CallCenter.Calls.ScreenPops;
using CallCenter.Calls.Purposes;
using CallCenter.Customers;
using CallCenter.Infrastructure;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.Http;
using CallCenter.Infrastructure.Realtime;
using CallCenter.Infrastructure.Startup;
using CallCenter.ReasonCodes;
using CallCenter.Settings;
using CallCenter.Agents.PhoneSettings;
using CallCenter.Calls.LiveCalls;
using CallCenter.Telephony.CallControl;
using CallCenter.Telephony.Simulator;
using CallCenter.WorkOrders;

var builder = WebApplication.CreateBuilder(args);
builder.AddCallCenter();
var options = builder.Services.BuildAppOptions();
builder.WebHost.UseUrls($"http://{options.BindAddress}:{options.Port}"); // CALLCENTER_BIND (docs/deployment.md)

var app = builder.Build();
await app.PrepareAsync();

app.UseCallCenterForwardedHeaders(options); // CALLCENTER_FORWARDED_HEADERS: the client's address and scheme behind a reverse proxy
app.UseSecurityHeaders();
app.UseExceptionHandler();
Outages.UseOutageTracking(app);
app.UseStatusCodePages();
app.UseSpa(options.SpaDir);
app.UseRouting(); // after the static files, so that the SPA fallback route never shadows /assets
app.UseAuthentication();
app.UseAuthorization();
app.UseXsrfCheck();
app.UseInputGuard();
CallCenter.Reports.ReportOutput.UseLocalizedReports(app); // an Excel report in the reader's language
app.UseSwaggerWithSession();

app.MapHealth();
app.MapAuth();
CallCenter.Users.UsersEndpoints.MapUsers(app);
app.MapAgents();
app.MapCalls();
app.MapCallControl();
app.MapLiveCalls();
app.MapSimulatorCalls();
CallCenter.Simulation.SimulationSetup.MapSimulation(app);
app.MapPhoneSettings();
app.MapScreenPops();
app.MapWorkOrders();
CallCenter.Alarms.AlarmEndpoints.MapAlarms(app);
app.MapCallPurposes();
app.MapCustomers();
app.MapReasonCodes();
app.MapSettings();
app.MapAnnouncements();
CallCenter.Audit.AuditSetup.MapAudit(app);
CallCenter.Reports.ReportCatalog.MapReportCatalog(app);
CallCenter.Reports.CallFacts.CallReportsSetup.MapCallReports(app);
CallCenter.Reports.Intervals.IntervalKpisSetup.MapIntervalKpis(app);
CallCenter.Infrastructure.Projections.Rebuilds.ProjectionEndpoints.MapProjections(app);
CallCenter.Telephony.Routing.RoutingSetup.MapAcd(app);
CallCenter.Recordings.RecordingsSetup.MapRecordings(app);
CallCenter.Quality.QualitySetup.MapQuality(app);
CallCenter.Supervisor.Wallboard.WallboardEndpoints.MapWallboard(app);
CallCenter.Agents.Breaks.BreakEndpoints.MapBreaks(app);
CallCenter.Customers.Authorizations.AuthorizationEndpoints.MapAuthorizations(app);
CallCenter.Supervisor.Supervising.SupervisionEndpoints.MapCallSupervision(app);
CallCenter.Supervisor.Thresholds.ThresholdEndpoints.MapTeamThresholds(app);
app.MapHub<DesktopHub>(DesktopHub.Path);
app.MapSpaFallback(options.SpaDir);

app.Run();

/// <summary>The entry point (public for the test host).</summary>
public partial class Program;
