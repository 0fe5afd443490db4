using System.Collections.Concurrent;
using CallCenter.Agents;
using CallCenter.Calls.Tagging;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Simulation.Traffic;
using CallCenter.Telephony;
using CallCenter.Telephony.Pbx;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Simulation.Live;

/// <summary>
/// Simulated agents for the live demo: they sign in, answer what rings, talk for the planned time, hang up, tag
/// the call and go ready — through the same telephony port and commands as people, recorded with source "simulator".
/// </summary>
public sealed class BotAgents(SimulatedPbx pbx, ITelephony telephony, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BotAgents> log)
{
    public static readonly string[] Ids = [.. Enumerable.Range(11, 10).Select(i => $"agent{i}")];
    readonly ConcurrentDictionary<string, PlannedCall> planned = new();
    readonly ConcurrentDictionary<string, DateTimeOffset> hangUpAt = new();

    public void Expect(string callId, PlannedCall call) => planned[callId] = call;

    static EventMetadata By(string bot) => new(bot, EventMetadata.Sources.Simulator, Guid.NewGuid());

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReadModelDb>();
        var pipeline = scope.ServiceProvider.GetRequiredService<CommandPipeline>();
        foreach (var user in await db.Users.AsNoTracking().Where(u => Ids.Contains(u.Id)).ToListAsync(ct))
        {
            await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(user.Id, null,
                s => AgentDecider.SignIn(s, user.Id, user.Extension, user.SkillGroups, clock.GetUtcNow()), By(user.Id), ct);
            await ReadyAsync(user.Id, ct);
        }
    }

    public async Task RunAsync(double speed, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(300));
        while (await timer.WaitForNextTickAsync(stop))
        {
            foreach (var call in await pbx.SnapshotAsync(stop))
                foreach (var leg in call.Legs.Where(l => Ids.Contains(l.AgentId)))
                    await StepAsync(call, leg, speed, stop);
        }
    }

    async Task StepAsync(PbxCallView call, PbxLegView leg, double speed, CancellationToken ct)
    {
        try
        {
            if (leg.State == LegState.Ringing && clock.GetUtcNow() - leg.Since > TimeSpan.FromSeconds(1.5))
            {
                await telephony.AnswerAsync(call.Id, leg.AgentId, By(leg.AgentId), ct);
                var talk = planned.TryGetValue(call.Id, out var p) ? p.TalkSeconds : 120;
                hangUpAt[call.Id] = clock.GetUtcNow().AddSeconds(Math.Max(3, talk / speed));
            }
            else if (leg.State == LegState.Talking && hangUpAt.TryGetValue(call.Id, out var due) && clock.GetUtcNow() >= due)
            {
                hangUpAt.TryRemove(call.Id, out _);
                await telephony.HangUpAsync(call.Id, leg.AgentId, By(leg.AgentId), ct);
                await TagAndReadyAsync(leg.AgentId, call.Id, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogDebug(ex, "Bot {Agent} on {Call}", leg.AgentId, call.Id); // the caller may have hung up meanwhile
        }
    }

    async Task TagAndReadyAsync(string bot, string callId, CancellationToken ct)
    {
        var p = planned.TryRemove(callId, out var plannedCall) ? plannedCall : null;
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new TagCall(callId, p?.Purpose ?? "consultation", p?.Subtype ?? "other", null, bot, false, clock.GetUtcNow(), By(bot)), ct);
        await ReadyAsync(bot, ct);
    }

    async Task ReadyAsync(string bot, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<CommandPipeline>();
        var (state, _) = await pipeline.LoadAsync<AgentStream, Agent, AgentEvent>(bot, ct);
        for (var i = 0; i < 50 && state.Status == AgentStatus.Talking; i++) // the call's end reaches the agent's stream through the reactor
        {
            await Task.Delay(100, ct);
            (state, _) = await pipeline.LoadAsync<AgentStream, Agent, AgentEvent>(bot, ct);
        }
        if (state.UntaggedCallId is { } untagged) // left over from an earlier run
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new TagCall(untagged, "consultation", "other", null, bot, false, clock.GetUtcNow(), By(bot)), ct);
        }
        if (state.Status is AgentStatus.Talking) return;
        await pipeline.HandleAsync<AgentStream, Agent, AgentEvent>(bot, null, s => AgentDecider.GoReady(s, bot, clock.GetUtcNow()), By(bot), ct);
    }
}
