namespace CallCenter.Infrastructure.Auth;

/// <summary>
/// Roles (R-ROLE-1) and, in <see cref="Permissions"/>, what each may do (R-ROLE-2): the one place that says it.
/// Agents come in types (inbound, outbound, quality inspection, training) that describe their work; the type is a
/// property of the user (<see cref="AgentTypes"/>), the role that grants the desk is <see cref="Agent"/>.
/// </summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    /// <summary>A graded admin: manages the users of the teams that name them among their admins, nothing else.</summary>
    public const string TeamAdmin = "teamadmin";
    public const string Analyst = "analyst";
    public const string Auditor = "auditor";
    /// <summary>Quality inspection (质检): hears every recording, samples and scores calls against the admins' forms (docs/quality.md).</summary>
    public const string Qa = "qa";
    public static readonly string[] All = [Agent, Supervisor, Admin, TeamAdmin, Analyst, Auditor, Qa];
}

/// <summary>The kinds of agent work the tender names (R-ROLE-1).</summary>
public static class AgentTypes
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";
    public const string QualityInspection = "qa";
    public const string Training = "training";
    public static readonly string[] All = [Inbound, Outbound, QualityInspection, Training];
}

/// <summary>
/// What each role may do, stated once (shown on "my account" and enforced by <see cref="Policies"/> and
/// <see cref="TeamScope"/>). Supervisors act on the agents of the teams they supervise; team admins manage the
/// users of the teams they administer; admins everything.
/// </summary>
public static class Permissions
{
    public const string WorkDesk = "desk.work";
    public const string ActForOwnTeamsAgents = "agents.act-for-own-teams";
    public const string ActForAnyAgent = "agents.act-for-any";
    public const string MonitorOwnTeams = "monitor.own-teams";
    public const string MonitorAll = "monitor.all";
    public const string ReadReports = "reports.read";
    public const string RebuildProjections = "projections.rebuild";
    public const string ReplayDays = "audit.replay";
    public const string ReadAdminTrail = "audit.admin-trail";
    public const string ManageOwnTeamsUsers = "users.manage-own-teams";
    public const string ManageUsers = "users.manage";
    public const string ManageSettings = "settings.manage";
    public const string ReadLoginLog = "login-log.read";
    public const string ScoreCalls = "qa.score";
    public const string DefineQaForms = "qa.forms";

    public static readonly IReadOnlyDictionary<string, string[]> ByRole = new Dictionary<string, string[]>
    {
        [Roles.Agent] = [WorkDesk],
        [Roles.Supervisor] = [WorkDesk, ActForOwnTeamsAgents, MonitorOwnTeams, ReadReports, ReplayDays],
        [Roles.Admin] = [WorkDesk, ActForAnyAgent, MonitorAll, ReadReports, RebuildProjections, ReplayDays, ReadAdminTrail, ManageUsers, ManageSettings, ReadLoginLog, ScoreCalls, DefineQaForms],
        [Roles.TeamAdmin] = [ManageOwnTeamsUsers],
        [Roles.Analyst] = [ReadReports, RebuildProjections, MonitorAll],
        [Roles.Auditor] = [ReplayDays, ReadAdminTrail, MonitorAll, ReadLoginLog],
        [Roles.Qa] = [ScoreCalls],
    };

    public static string[] Of(IEnumerable<string> roles) =>
        roles.SelectMany(r => ByRole.TryGetValue(r, out var p) ? p : []).Distinct().Order(StringComparer.Ordinal).ToArray();
}

public static class Policies
{
    /// <summary>Works a desktop: agents, and supervisors/admins acting for them (R-SUP-5).</summary>
    public const string Desk = "desk";
    public const string Supervise = "supervise";
    public const string Administer = "administer";
    /// <summary>Admins and team admins (the users API scopes team admins to their teams).</summary>
    public const string ManageUsers = "manage-users";
    /// <summary>Reads reports and projections (R-RPT): analysts, supervisors, admins.</summary>
    public const string Analyze = "analyze";
    /// <summary>Replays an agent's day from the event store (R-USE-3): auditors, supervisors, admins.</summary>
    public const string Audit = "audit";
    /// <summary>Reads the trail of admin changes and the login log: auditors and admins.</summary>
    public const string ReadTrail = "read-trail";
    /// <summary>Samples and scores calls (quality inspection): QA and admins.</summary>
    public const string Inspect = "inspect";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(Desk, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Supervise, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Admin, Roles.TeamAdmin));
        o.AddPolicy(Analyze, p => p.RequireRole(Roles.Analyst, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Audit, p => p.RequireRole(Roles.Auditor, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(ReadTrail, p => p.RequireRole(Roles.Auditor, Roles.Admin));
        o.AddPolicy(Inspect, p => p.RequireRole(Roles.Qa, Roles.Admin));
    }
}
