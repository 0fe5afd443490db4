namespace CallCenter.Calls.ScreenPops;

/// <summary>
/// What an offer (or an outbound dial) does to the pops: compute the first one, re-offer a stored one, or borrow the consulted
/// call's. A pop is a function of the events before its first offer in event time: facts stored late recompute it
/// (<see cref="RecomputeAsync"/>), so any arrival order and a rebuild give the same pops.
/// </summary>
public sealed class PopOffers(PopsStore pops, CallFactsStore calls, PopBuilder builder)
{
    public async Task<ScreenPopDto?> OfferedAsync(CallOffered e, ulong position, CancellationToken ct)
    {
        if (await pops.FindAsync(e.CallId, ct) is { } stored) // offered again: a transfer (R-POP-6), a re-route, or the first offer stored late
        {
            await pops.OfferedAgainAsync(e.CallId, e.AgentId, e.At, position, ct);
            if (e.At < stored.OfferedAt) await RecomputeAsync(await calls.PopsToRecomputeAsync([e.CallId], [], [], ct), ct);
            return ScreenPopDto.From(e.CallId, e.AgentId, (await pops.FindAsync(e.CallId, ct))!.Content);
        }
        var call = await calls.FindAsync(e.CallId, ct);
        if (call is { Kind: CallKinds.Consult or CallKinds.Help, ConsultFor: { } about })
            return await pops.FindAsync(about, ct) is { } consulted ? await StoreAsync(e.CallId, e.AgentId, e.At, consulted.Content, position, ct) : null;
        if (e.Internal || call?.Kind is CallKinds.Internal or CallKinds.Consult or CallKinds.Help) return null;
        call ??= new CallFacts(e.CallId, null, null, null, [], null, null);
        return await StoreAsync(e.CallId, e.AgentId, e.At, await builder.BuildAsync(call, e.At, ct), position, ct);
    }

    /// <summary>
    /// A consulted agent joins the call (three-way, three-party help, and so connect-and-release): the same pop, R-POP-6 for
    /// every leg. The joining agent may read it from now on; it is pushed to them as on an offer.
    /// </summary>
    public async Task<ScreenPopDto?> JoinedAsync(CallConferenced e, ulong position, CancellationToken ct)
    {
        if (e.TargetAgentId is not { } joining) return null;
        await calls.JoinedAsync(e.CallId, joining, position, ct);
        if (await pops.FindAsync(e.CallId, ct) is not { } stored) return null;
        await pops.JoinedAsync(e.CallId, joining, position, ct);
        return ScreenPopDto.From(e.CallId, joining, stored.Content);
    }

    /// <summary>The CallFacts row is written first, so the pop sees the dialed number.</summary>
    public async Task<ScreenPopDto?> DialedAsync(CallDialed e, ulong position, CancellationToken ct)
    {
        await calls.DialedAsync(e, position, ct);
        if (await pops.FindAsync(e.CallId, ct) is not null)
        {
            // An offer of this internal call was stored before its dial (any arrival order): it carries its call's pop, or none.
            if (e.Kind != CallKinds.Outbound) await RecomputeAsync(await calls.PopsToRecomputeAsync([e.CallId], [], [], ct), ct);
            return null;
        }
        if (e.Kind != CallKinds.Outbound) return null;
        var call = await calls.FindAsync(e.CallId, ct);
        return await StoreAsync(e.CallId, e.AgentId, e.At, await builder.BuildAsync(call!, e.At, ct), position, ct);
    }

    /// <summary>Computes the given pops again from the facts now stored (no push: the agent's open pop is refetched on demand).</summary>
    public async Task RecomputeAsync(IEnumerable<string> callIds, CancellationToken ct)
    {
        foreach (var id in callIds)
        {
            if (await pops.FindAsync(id, ct) is not { } stored) continue;
            var call = await calls.FindAsync(id, ct) ?? new CallFacts(id, null, null, null, [], null, null);
            if (call is { Kind: CallKinds.Internal } || call is { Kind: CallKinds.Consult or CallKinds.Help, ConsultFor: null }) await pops.DeleteAsync(id, ct);
            else if (call is { Kind: CallKinds.Consult or CallKinds.Help, ConsultFor: { } about })
            {
                if (await pops.FindAsync(about, ct) is { } consulted) await pops.ReplaceContentAsync(id, consulted.Content, ct);
                else await pops.DeleteAsync(id, ct);
            }
            else await pops.ReplaceContentAsync(id, await builder.BuildAsync(call, stored.OfferedAt, ct), ct);
        }
    }

    async Task<ScreenPopDto> StoreAsync(string callId, string agentId, DateTimeOffset at, PopContent content, ulong position, CancellationToken ct)
    {
        await pops.InsertAsync(callId, agentId, at, content, position, ct);
        return ScreenPopDto.From(callId, agentId, content);
    }
}
