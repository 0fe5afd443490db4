namespace CallCenter.Infrastructure.Auth;

/// <summary>Roles (R-ROLE-1) and the authorization policies built on them (R-ROLE-2).</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Auditor = "auditor";
    public static readonly string[] All = [Agent, Supervisor, Admin, Analyst, Auditor];
}

public static class Policies
{
    /// <summary>Works a desktop: agents, and supervisors/admins acting for them (R-SUP-5).</summary>
    public const string Desk = "desk";
    public const string Supervise = "supervise";
    public const string Administer = "administer";
    /// <summary>Reads reports and projections (R-RPT): analysts, supervisors, admins.</summary>
    public const string Analyze = "analyze";
    /// <summary>Replays an agent's day from the event store (R-USE-3): auditors, supervisors, admins.</summary>
    public const string Audit = "audit";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(Desk, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Supervise, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Analyze, p => p.RequireRole(Roles.Analyst, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Audit, p => p.RequireRole(Roles.Auditor, Roles.Supervisor, Roles.Admin));
    }
}
