using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace FedSec.Network.Node;

/// <summary>
/// The node's gRPC channel: HTTP/2 over TLS, the server's certificate checked against the CA the node was given (or the
/// system's roots), or plaintext HTTP/2 for an http:// loopback address. Keep-alive pings find a dead connection.
/// </summary>
internal static class NodeChannel
{
    public static GrpcChannel Create(NodeOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingDelay = TimeSpan.FromSeconds(15),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            EnableMultipleHttp2Connections = true,
        };
        if (options.TrustedCa is { } ca)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, ca),
            };
        }

        return GrpcChannel.ForAddress(options.Server, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = Server.FederationHost.MaxMessageBytes,
            MaxSendMessageSize = Server.FederationHost.MaxMessageBytes,
            DisposeHttpClient = true,
        });
    }

    // The server's certificate must chain to the given CA (and to it alone) and name the host the node dialled.
    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
