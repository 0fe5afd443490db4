using CallCenter.Reports.OneTimeFix;

namespace CallCenter.Tests.Reports;

/// <summary>R-RPT-1 recomputed from the raw calls with plain LINQ (docs/kpis.md): the expected outcome of every tagged inbound call.</summary>
public sealed record ExpectedOutcome(RawCall Call, string Outcome, string? RepeatCallId);

public static class OneTimeFixRecount
{
    public static List<ExpectedOutcome> Outcomes(RawCalls raw)
    {
        var arrivals = raw.Calls.Values.Where(c => c.ArrivedAt is not null && c.Number is not null).ToLookup(c => c.Number!);
        return [.. raw.Calls.Values.Where(c => c.Purpose == "online-troubleshooting" && c.Number is not null).Select(c =>
        {
            if (c.EndedAt is not { } end) return new ExpectedOutcome(c, "pending", null);
            var repeat = arrivals[c.Number!].Where(a => a.Id != c.Id && a.ArrivedAt >= end && a.ArrivedAt <= end.AddHours(2))
                .OrderBy(a => a.ArrivedAt).ThenBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault();
            return repeat is not null ? new ExpectedOutcome(c, "repeated", repeat.Id)
                : new ExpectedOutcome(c, raw.Clock > end.AddHours(2) ? "fixed" : "pending", null);
        })];
    }

    /// <summary>The report's rows for a grouping, over calls that ended in [from, to).</summary>
    public static List<OneTimeFixRow> Rows(List<ExpectedOutcome> outcomes, string groupBy, DateTimeOffset from, DateTimeOffset to) =>
    [
        .. outcomes.Where(o => o.Call.EndedAt >= from && o.Call.EndedAt < to)
            .GroupBy(o => groupBy switch
            {
                "day" => RawCalls.Day(o.Call.EndedAt!.Value),
                "agent" => o.Call.TagAgent ?? "unknown",
                "skillGroup" => o.Call.Queue ?? "unknown",
                _ => o.Call.Area ?? "unknown",
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                int Count(string outcome) => g.Count(o => o.Outcome == outcome);
                return new OneTimeFixRow(g.Key, g.Count(), Count("fixed"), Count("repeated"), Count("pending"),
                    RawCalls.Share(Count("fixed"), Count("fixed") + Count("repeated")));
            }),
    ];
}
