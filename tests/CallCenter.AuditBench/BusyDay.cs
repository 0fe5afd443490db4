using CallCenter.Infrastructure;
using CallCenter.Simulation.Traffic;

namespace CallCenter.AuditBench;

/// <summary>
/// A busy day for one agent (shared by the audit acceptance test and bench:audit): inbound broadband calls about
/// two minutes apart from 08:05, short talks (50–100 s), every fifth call held, 10–25 s of after-call work, patient
/// callers (the queue waits through lunch). Played by DaySimulation with that one agent, every call reaches them.
/// </summary>
public static class BusyDay
{
    public static List<PlannedCall> Plan(DateOnly day, int calls, int seed)
    {
        var rng = new Random(seed * 31 ^ day.DayNumber);
        var opens = CenterTime.StartOf(day, CenterTime.DefaultZone).AddHours(8).AddMinutes(5);
        return [.. Enumerable.Range(0, calls).Select(i => new PlannedCall(
            $"busy-{seed}-{day:yyyyMMdd}-{i:D3}", opens.AddSeconds(i * 125 + rng.Next(30)), $"1390{seed % 10}{day.DayNumber % 100:D2}{i:D4}", null, "96123",
            ["1"], "broadband", PatienceSeconds: 7200, TalkSeconds: 50 + rng.Next(50), HoldSeconds: i % 5 == 0 ? 10 + rng.Next(20) : 0,
            WrapSeconds: 10 + rng.Next(15), "consultation", "billing", SurveyScore: i % 3 == 0 ? 4 : null))];
    }
}
