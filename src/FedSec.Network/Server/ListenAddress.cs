using System.Globalization;
using System.Net;

namespace FedSec.Network.Server;

/// <summary>Where the server listens (<c>--listen</c>): scheme, host and port, with the checks made before binding.</summary>
/// <param name="Secure">https (TLS) or http (plaintext, loopback only).</param>
/// <param name="Host">An IP address, <c>localhost</c>, or <c>*</c> / <c>0.0.0.0</c> for every interface.</param>
/// <param name="Port">The port (0: any free one).</param>
public sealed record ListenAddress(bool Secure, string Host, int Port)
{
    /// <summary>Whether the address is a loopback one (127.0.0.0/8, ::1, localhost).</summary>
    public bool IsLoopback => Host == "localhost" || (IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Parses <c>https://HOST:PORT</c> or <c>http://HOST:PORT</c>; throws <see cref="FormatException"/> with a sentence naming the value.</summary>
    public static ListenAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = text.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http") || uri.IsDefaultPort && !normalized.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not a listen address; write https://HOST:PORT (or http://127.0.0.1:PORT with --insecure).");
        }

        return new ListenAddress(uri.Scheme == "https", uri.Host, uri.Port);
    }

    /// <summary>The address as a URL.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Secure ? "https" : "http")}://{(Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? $"[{Host}]" : Host)}:{Port}");
}
