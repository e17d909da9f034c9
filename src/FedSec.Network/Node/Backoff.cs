namespace FedSec.Network.Node;

/// <summary>Waits between reconnection attempts: 250 ms, doubling to at most 5 s; reset after a success.</summary>
internal sealed class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);
    private TimeSpan _next = First;

    /// <summary>The wait before the next attempt; each call doubles the following one.</summary>
    public TimeSpan Next()
    {
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Longest.Ticks));
        return wait;
    }

    /// <summary>After a success: the next failure waits the shortest time again.</summary>
    public void Reset() => _next = First;
}
