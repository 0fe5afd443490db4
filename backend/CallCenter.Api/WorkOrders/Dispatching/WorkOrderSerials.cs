using System.Text.Json;
using CallCenter.EventStore;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.WorkOrders.Dispatching;

/// <summary>
/// Serials "WO-yyyyMMdd-NNNN" (R-WO-1), counted per day of the center (in its time zone, decision 0008) by a counter stream
/// `serials-workorder-{yyyyMMdd}`: each serial taken is one event appended at the exact revision
/// the counter was read at, so two dispatches racing for a number never get the same one (the loser
/// reads again). A serial taken by a dispatch that then fails leaves a gap, as sequences do.
/// </summary>
public sealed class WorkOrderSerials(IEventStore store, CallCenter.Infrastructure.CenterClock center)
{
    const int Attempts = 50;

    public static string CounterStream(string day) => "serials-workorder-" + day;

    public async Task<string> TakeAsync(string workOrderId, DateTimeOffset at, EventMetadata metadata, CancellationToken ct)
    {
        var day = center.Local(at).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var stream = CounterStream(day);
        for (var attempt = 1; ; attempt++)
        {
            long last = -1;
            await foreach (var e in store.ReadStreamAsync(stream, ReadDirection.Backwards, long.MaxValue, 1, ct)) last = e.StreamRevision;
            var serial = $"WO-{day}-{last + 2:0000}";
            var taken = new EventData(Guid.NewGuid(), "WorkOrderSerialTaken.v1",
                JsonSerializer.SerializeToUtf8Bytes(new { serial, workOrderId, at }, Json.Options), metadata.ToJson());
            try
            {
                await store.AppendAsync(stream, last < 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(last), [taken], ct);
                return serial;
            }
            catch (WrongExpectedVersionException) when (attempt < Attempts) { } // another dispatch took this number: read again
        }
    }
}
