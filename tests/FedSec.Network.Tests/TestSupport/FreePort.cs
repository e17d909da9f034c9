using System.Net;
using System.Net.Sockets;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>A TCP port of 127.0.0.1 free at the moment of asking (for a server started in another process).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
