namespace FedSec.Network.Server;

/// <summary>What the server does when fewer than <c>train_args.min_clients</c> sampled clients reported in a round.</summary>
public enum ShortfallPolicy
{
    /// <summary>Stop the run with a message naming the round and the missing clients (what was recorded is kept).</summary>
    Fail,

    /// <summary>Keep the round open for another period, so that nodes that reconnect can report; fail after the last retry.</summary>
    Retry,
}
