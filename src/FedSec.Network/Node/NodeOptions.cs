using System.Security.Cryptography.X509Certificates;
using FedSec.Network.Security;

namespace FedSec.Network.Node;

/// <summary>How a node reaches its server and what it presents.</summary>
public sealed class NodeOptions
{
    /// <summary>The server's address (https://HOST:PORT, or http://127.0.0.1:PORT for an --insecure local run).</summary>
    public required Uri Server { get; init; }

    /// <summary>The node's name in the server's messages.</summary>
    /// <value>The default value is the machine's name.</value>
    public string Name { get; init; } = Environment.MachineName;

    /// <summary>The clients to host; empty: whatever the server assigns.</summary>
    public IReadOnlyList<int> Clients { get; init; } = Array.Empty<int>();

    /// <summary>The node's key, which signs its join and its updates; null to present none (a server without allow-list).</summary>
    public NodeKey? Key { get; init; }

    /// <summary>The CA that signed the server's certificate (ca.pem of <c>fedsec certs create</c>); null trusts the system's roots.</summary>
    public X509Certificate2? TrustedCa { get; init; }

    /// <summary>The configuration digest the server must run (<c>--expect-config</c>); null: no check.</summary>
    public string? ExpectConfigDigest { get; init; }

    /// <summary>How long to keep trying to reach the server the first time.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to keep reconnecting after losing the server (its restart included).</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan ReconnectTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Tests: intercepts the node's calls to the server (to make some of them fail as a network would).</summary>
    internal Grpc.Core.Interceptors.Interceptor? Interceptor { get; init; }

    /// <summary>Tests: called after the node answered a secure aggregation step (to stop a node at a chosen point).</summary>
    internal Action<Protocol.SecAggStep>? AfterSecAggStep { get; init; }
}
