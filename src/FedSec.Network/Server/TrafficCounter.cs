namespace FedSec.Network.Server;

/// <summary>
/// The bytes of gRPC messages the server sent and received (their protobuf sizes: without HTTP/2 framing and TLS),
/// for the scale-out figures of <c>docs/performance.md</c>. Thread-safe.
/// </summary>
public sealed class TrafficCounter
{
    private long _sent;
    private long _received;

    /// <summary>Bytes of messages sent to nodes.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Bytes of messages received from nodes.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Counts a message sent.</summary>
    public void AddSent(int bytes) => Interlocked.Add(ref _sent, bytes);

    /// <summary>Counts a message received.</summary>
    public void AddReceived(int bytes) => Interlocked.Add(ref _received, bytes);
}
