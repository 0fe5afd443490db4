namespace CallCenter.EventStore.EventStoreDb;

/// <summary>
/// Which append positions this store instance has already reported: the first append told about a position wrote it,
/// later ones (idempotent repeats) are duplicates. Remembers the most recent claims; older ones raise the floor.
/// </summary>
internal sealed class FreshPositions(int capacity = 100_000)
{
    readonly Lock _gate = new();
    readonly HashSet<ulong> _claimed = [];
    readonly Queue<ulong> _order = new();
    ulong _floor;
    bool _hasFloor;

    public void RaiseFloor(ulong position)
    {
        lock (_gate)
        {
            _floor = Math.Max(_floor, position);
            _hasFloor = true;
        }
    }

    /// <summary>True the first time a position is reported (and it is above the floor).</summary>
    public bool TryClaim(ulong position)
    {
        lock (_gate)
        {
            if ((_hasFloor && position <= _floor) || !_claimed.Add(position)) return false;
            _order.Enqueue(position);
            if (_order.Count > capacity)
            {
                var oldest = _order.Dequeue();
                _claimed.Remove(oldest);
                _floor = Math.Max(_floor, oldest);
                _hasFloor = true;
            }
            return true;
        }
    }
}
