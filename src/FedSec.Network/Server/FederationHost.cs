using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FedSec.Network.Server;

/// <summary>
/// The Kestrel host of a distributed server: the gRPC service over HTTP/2 (TLS unless the address is http://, which
/// must be a loopback one) and the status endpoints. Messages are capped at 4 MB both ways; models travel in chunks
/// well below that.
/// </summary>
public sealed class FederationHost : IAsyncDisposable
{
    /// <summary>gRPC's message size limit, kept: no message of FedSec's comes near it.</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly WebApplication _app;

    private FederationHost(WebApplication app, Uri address, Uri? status)
    {
        _app = app;
        Address = address;
        StatusAddress = status;
    }

    /// <summary>The address the server listens on (with the real port when port 0 was asked).</summary>
    public Uri Address { get; }

    /// <summary>Where the status page is served: the TLS address itself, or the plaintext status address (null: none).</summary>
    public Uri? StatusAddress { get; }

    /// <summary>
    /// Starts listening; throws <see cref="FederationException"/> with one sentence when the address is not allowed
    /// (plaintext off loopback) or the port is in use.
    /// </summary>
    /// <param name="coordinator">The run.</param>
    /// <param name="listen">Where to listen.</param>
    /// <param name="certificate">The server's certificate with its key (required for https).</param>
    /// <param name="status">
    /// A plaintext HTTP/1.1 address (loopback only) for <c>/status.json</c> and the status page when <paramref name="listen"/>
    /// is plaintext (HTTP/2 without TLS needs prior knowledge, which browsers lack); with TLS they are served on
    /// <paramref name="listen"/> itself and this may be null.
    /// </param>
    /// <param name="statusPortPreferred">
    /// True when <paramref name="status"/> is a default the user did not choose (the server command's next port): if
    /// that port is taken, the status is served on a free port instead of the server failing to start.
    /// </param>
    public static async Task<FederationHost> StartAsync(FederationCoordinator coordinator, ListenAddress listen, X509Certificate2? certificate, ListenAddress? status = null, bool statusPortPreferred = false)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(listen);
        if (!listen.Secure && !listen.IsLoopback)
        {
            throw new FederationException($"Plaintext (http://) is allowed on loopback addresses only, and {listen} is not one: listen on https:// with a certificate (fedsec certs create), or on http://127.0.0.1:PORT for a local test.");
        }

        if (listen.Secure && certificate is null)
        {
            throw new FederationException($"Listening on {listen} needs the server's certificate and key (--cert DIR, as 'fedsec certs create DIR' writes them), or --insecure with an http://127.0.0.1 address.");
        }

        if (status is not null && (status.Secure || !status.IsLoopback))
        {
            throw new FederationException($"The status address {status} must be http:// on a loopback address (with TLS the status is served on --listen itself).");
        }

        WebApplication app;
        try
        {
            try
            {
                app = await Start(coordinator, listen, certificate, status).ConfigureAwait(false);
            }
            catch (IOException) when (statusPortPreferred && status is { Port: not 0 })
            {
                // The default status port is taken (any outgoing connection may hold it): let the system choose one.
                // If the listen port was the one taken, this fails again and says so below.
                status = status with { Port = 0 };
                app = await Start(coordinator, listen, certificate, status).ConfigureAwait(false);
            }
        }
        catch (IOException e)
        {
            throw new FederationException(status is { Port: not 0 } && !statusPortPreferred
                ? $"Cannot listen on {listen} and {status}: {FirstLine(e.Message)} Is another server using one of them? Choose others with --listen and --status."
                : $"Cannot listen on {listen}: {FirstLine(e.Message)} Is another server using port {listen.Port}? Choose another with --listen.", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal))).ToList();
        var address = new Uri($"{(listen.Secure ? "https" : "http")}://{(listen.Host == "0.0.0.0" ? "localhost" : listen.Host)}:{bound[0].Port}");
        var statusAddress = status is null ? (listen.Secure ? address : null) : new Uri($"http://{status.Host}:{bound[^1].Port}");
        return new FederationHost(app, address, statusAddress);
    }

    // Builds the host and starts listening; a taken port throws IOException, with nothing left open.
    private static async Task<WebApplication> Start(FederationCoordinator coordinator, ListenAddress listen, X509Certificate2? certificate, ListenAddress? status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddSingleton(coordinator);
        builder.WebHost.ConfigureKestrel(k =>
        {
            void Configure(ListenOptions o)
            {
                if (listen.Secure)
                {
                    o.Protocols = HttpProtocols.Http1AndHttp2;
                    o.UseHttps(certificate!);
                }
                else
                {
                    // Plaintext HTTP/2 needs prior knowledge (no ALPN), which browsers lack: the status page is served
                    // over TLS on this port, or on its own plaintext port (see the server command's --status).
                    o.Protocols = HttpProtocols.Http2;
                }
            }

            Listen(k, listen, Configure);
            if (status is not null)
            {
                Listen(k, status, o => o.Protocols = HttpProtocols.Http1);
            }
        });

        var app = builder.Build();
        app.MapGrpcService<FederationService>();
        Status.StatusEndpoints.Map(app, coordinator);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }

    private static void Listen(KestrelServerOptions kestrel, ListenAddress address, Action<ListenOptions> configure)
    {
        switch (address.Host)
        {
            case "localhost":
                kestrel.ListenLocalhost(address.Port, configure);
                break;
            case "0.0.0.0":
                kestrel.ListenAnyIP(address.Port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(address.Host.Trim('[', ']')), address.Port, configure);
                break;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('.') + ".";
}
