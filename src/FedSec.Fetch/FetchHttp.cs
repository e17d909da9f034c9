using System.Net;

namespace FedSec.Fetch;

/// <summary>The HTTP client the fetch sources share: 5 s to connect, no automatic decompression, no whole-request limit.</summary>
internal static class FetchHttp
{
    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient(
        new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), AutomaticDecompression = DecompressionMethods.None })
    {
        // Time limits are applied per phase by the callers; a whole-request limit would cut off slow but live downloads.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>The shared client.</summary>
    public static HttpClient Client => Shared.Value;
}
