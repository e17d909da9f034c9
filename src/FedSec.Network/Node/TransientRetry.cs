using Grpc.Core;

namespace FedSec.Network.Node;

/// <summary>
/// Repeats a call to the server that failed for a reason that passes (the connection dropped or reset, a deadline, the
/// server restarting its listener), with the node's reconnection backoff, for as long as the node keeps reconnecting
/// (<see cref="NodeOptions.ReconnectTimeout"/>); then, and for any other failure (the server does not know the node,
/// refuses it, the run stopped), the failure goes up to the node's main loop. Secure aggregation's steps need this: a
/// node that gave up a step on a blip would drop its clients from the round's aggregation.
/// </summary>
/// <remarks>
/// Repeating a message the server did receive (only its answer was lost) is safe: the server refuses the second copy
/// as sent already, without dropping the client, and the node logs that refusal.
/// </remarks>
internal sealed class TransientRetry
{
    private readonly TimeSpan _limit;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;

    public TransientRetry(TimeSpan limit, TimeProvider time, Action<string> log)
    {
        _limit = limit;
        _time = time;
        _log = log;
    }

    /// <summary>Whether a failure with this status may pass if the call is made again.</summary>
    public static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.Internal;

    /// <summary>Makes <paramref name="call"/> until it succeeds, fails for a lasting reason, or failed for longer than the limit.</summary>
    /// <param name="call">The call; made again from the start after each transient failure.</param>
    /// <param name="what">What the call does, for the log ("client 3's shares").</param>
    /// <param name="cancellation">Stops the waiting.</param>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(call);
        var backoff = new Backoff();
        long? since = null;
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (RpcException e) when (IsTransient(e.StatusCode) && !cancellation.IsCancellationRequested)
            {
                since ??= _time.GetTimestamp();
                if (_time.GetElapsedTime(since.Value) > _limit)
                {
                    throw;
                }

                var wait = backoff.Next();
                _log($"{what} failed ({e.StatusCode}: {e.Status.Detail}); trying again in {wait.TotalSeconds:0.##} s.");
                await Task.Delay(wait, _time, cancellation).ConfigureAwait(false);
            }
        }
    }
}
