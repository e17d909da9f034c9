using System.Net;
using System.Net.Sockets;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>
/// A TCP port of 127.0.0.1 free at the moment of asking, for a server started in another process, with the next port
/// free too (an --insecure server serves its status there). Ports are taken below Linux's ephemeral range
/// (32768-60999 by default), which outgoing connections draw from: a port the system hands out (port 0) can be taken
/// by any client connection in the second it takes the server process to start, and was once in CI.
/// </summary>
internal static class FreePort
{
    private const int Low = 20000;
    private const int High = 32000;

    public static int Next()
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int port = Random.Shared.Next(Low, High);
            if (Free(port) && Free(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No two free neighbouring ports of 127.0.0.1 in {Low}-{High} after 200 tries.");
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
