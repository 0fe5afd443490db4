using CallCenter.Agents.CurrentStates;
using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Agents.Breaks;

/// <summary>A break request as the desktop and the supervisor's list show it.</summary>
public sealed record BreakRequestDto(string Id, string TeamId, string AgentId, string Name, string ReasonCode, string State, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt, bool Automatic, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, int? WaitingPosition);

public sealed record BreakRequestBody(string? ReasonCode);

/// <summary>
/// The break-request use cases (R-STATE-3): load the team's stream, decide (pure, <see cref="BreakDecider"/>), append at the
/// loaded revision. Who may: the agent for itself, the supervisors of the agent's team, admins; approve and deny: supervisors
/// of the team and admins. Request ids name their team (<c>{teamId}.{n}</c>), so a decision needs no read model.
/// </summary>
public sealed class BreakDesk(CommandPipeline pipeline, CurrentUser user, UserDirectory users, TeamScope teams, ReadModelDb db, TimeProvider clock)
{
    public const string NoTeam = "no-team";

    public async Task<BreakRequestDto> RequestAsync(string agentId, string? reasonCode, CancellationToken ct)
    {
        if (!user.CanSupervise) await user.EnsureMayActForAsync(agentId, ct);
        var agent = await users.FindAsync(agentId, ct);
        if (agent is null || !agent.Roles.Contains(Roles.Agent)) throw new NotFoundException($"There is no agent '{agentId}'.");
        if (user.CanSupervise) await user.EnsureMayActForAsync(agentId, ct);
        if (string.IsNullOrWhiteSpace(reasonCode)) throw Invalid("reasonCode", "Give a reason code.");
        var rule = await RuleAsync(reasonCode, ct) ?? throw Invalid("reasonCode", $"'{reasonCode}' is not an active reason code.");
        var (state, _) = await pipeline.LoadAsync<AgentStream, Agent, AgentEvent>(agentId, ct);
        if (!state.IsSignedIn) throw new RuleViolationException("The agent must sign in first.", "signInFirst");

        var teamId = (await teams.GetAsync(ct)).TeamOf(agentId) ?? NoTeam;
        var id = $"{teamId}.{Guid.NewGuid():N}";
        var decided = await pipeline.HandleAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, null,
            s => BreakDecider.Request(s, teamId, id, agentId, reasonCode, rule, clock.GetUtcNow()), user.Metadata(agentId), ct);
        return await DtoAsync(teamId, decided.State, decided.State.Find(id)!, ct);
    }

    public async Task<List<BreakRequestDto>> ListAsync(string? state, CancellationToken ct)
    {
        if (state is not null && !BreakStates.All.Contains(state)) throw Invalid("state", $"state must be one of {string.Join(", ", BreakStates.All)}.");
        var scope = await teams.GetAsync(ct);
        var visible = await user.VisibleAgentsAsync(ct);
        IEnumerable<string> teamIds = visible is null ? [.. scope.Teams.Keys, NoTeam] : visible.Select(a => scope.TeamOf(a) ?? NoTeam).Distinct();
        var rows = new List<BreakRequestDto>();
        foreach (var teamId in teamIds.Order(StringComparer.Ordinal))
        {
            var (breaks, _) = await pipeline.LoadAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, ct);
            foreach (var r in breaks.Requests.Where(r => (visible is null || visible.Contains(r.AgentId)) && (state is null || r.State == state)))
                rows.Add(await DtoAsync(teamId, breaks, r, ct));
        }
        return [.. rows.OrderByDescending(r => r.RequestedAt)];
    }

    public Task<BreakRequestDto> ApproveAsync(string id, CancellationToken ct) =>
        DecideAsync(id, supervisorOnly: true, (s, team, rules, at) => BreakDecider.Approve(s, team, id, rules(s.Find(id)?.ReasonCode ?? ""), at), ct);

    public Task<BreakRequestDto> DenyAsync(string id, CancellationToken ct) =>
        DecideAsync(id, supervisorOnly: true, (s, team, _, at) => BreakDecider.Deny(s, team, id, at), ct);

    public Task<BreakRequestDto> CancelAsync(string id, CancellationToken ct) =>
        DecideAsync(id, supervisorOnly: false, (s, team, rules, at) => BreakDecider.Cancel(s, team, id, rules, at), ct);

    async Task<BreakRequestDto> DecideAsync(string id, bool supervisorOnly,
        Func<TeamBreaks, string, Func<string, BreakRule>, DateTimeOffset, IReadOnlyList<BreakEvent>> decide, CancellationToken ct)
    {
        var teamId = TeamOfRequest(id);
        var (loaded, _) = await pipeline.LoadAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, ct);
        var request = loaded.Find(id) ?? throw new NotFoundException($"There is no break request '{id}'.");
        if (supervisorOnly && !user.CanSupervise) throw new ForbiddenException($"'{user.Id}' may not decide break requests.");
        await user.EnsureMayActForAsync(request.AgentId, ct); // a supervisor of another team: 403
        var rules = await RulesAsync(ct);
        var decided = await pipeline.HandleAsync<TeamBreaksStream, TeamBreaks, BreakEvent>(teamId, null,
            s => decide(s, teamId, rules, clock.GetUtcNow()), user.Metadata(request.AgentId), ct);
        return await DtoAsync(teamId, decided.State, decided.State.Find(id)!, ct);
    }

    static string TeamOfRequest(string id) =>
        id.LastIndexOf('.') is var dot and > 0 ? id[..dot] : throw new NotFoundException($"There is no break request '{id}'.");

    async Task<BreakRule?> RuleAsync(string code, CancellationToken ct) =>
        await db.ReasonCodes.AsNoTracking().Where(r => r.Code == code && r.Active).Select(r => new BreakRule(r.NeedsApproval, r.MaxAway)).SingleOrDefaultAsync(ct);

    /// <summary>Every reason code's rule (an unknown or retired code: no approval, no limit).</summary>
    public async Task<Func<string, BreakRule>> RulesAsync(CancellationToken ct)
    {
        var all = await db.ReasonCodes.AsNoTracking().ToDictionaryAsync(r => r.Code, r => new BreakRule(r.NeedsApproval, r.MaxAway), ct);
        return code => all.GetValueOrDefault(code) ?? new BreakRule(false, null);
    }

    async Task<BreakRequestDto> DtoAsync(string teamId, TeamBreaks s, BreakRequest r, CancellationToken ct)
    {
        int? position = r.State == BreakStates.Pending
            ? s.Requests.Where(q => q.State == BreakStates.Pending && q.ReasonCode == r.ReasonCode).TakeWhile(q => q.Id != r.Id).Count() + 1
            : null;
        return new(r.Id, teamId, r.AgentId, await users.NameOfAsync(r.AgentId, ct), r.ReasonCode, r.State, r.RequestedAt, r.DecidedAt, r.Automatic,
            r.StartedAt, r.EndedAt, position);
    }

    static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
