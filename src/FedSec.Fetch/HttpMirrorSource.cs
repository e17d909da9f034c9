using System.IO.Compression;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// A web mirror that serves each file as <c>{base address}{file name}.gz</c> (the layout of the usual MNIST mirrors).
/// Fails fast: a few seconds to connect and to get the response headers, and a stall limit while downloading, so an
/// unreachable mirror costs little before the next source is tried.
/// </summary>
public sealed class HttpMirrorSource : IFetchSource
{
    private readonly HttpClient _client;

    /// <summary>Creates the source for <paramref name="baseAddress"/> (ending in <c>/</c>).</summary>
    /// <param name="baseAddress">The directory address the <c>.gz</c> files are under.</param>
    /// <param name="client">The client to use; by default a shared one with a 5 s connect timeout.</param>
    public HttpMirrorSource(Uri baseAddress, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _client = client ?? FetchHttp.Client;
    }

    /// <summary>The directory address the files are under.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How long to wait for the response headers of each file.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a download may go without receiving a byte before it is abandoned.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public string Name => BaseAddress.AbsoluteUri;

    /// <inheritdoc />
    public async Task FetchAsync(IReadOnlyList<string> fileNames, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        foreach (string file in fileNames)
        {
            await FetchOneAsync(file, stagingDirectory, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FetchOneAsync(string file, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var address = new Uri(BaseAddress, file + ".gz");
        string compressed = Path.Combine(stagingDirectory, file + ".gz.part");
        progress?.Report(new FetchProgress(Name, file, 0, null, $"downloading {address}"));
        using (var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            headers.CancelAfter(ResponseTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{address}: no response within {ResponseTimeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException e)
            {
                throw new HttpRequestException($"{address}: {e.Message}", e);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"{address}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                long? total = response.Content.Headers.ContentLength;
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    var output = File.Create(compressed);
                    await using (output.ConfigureAwait(false))
                    {
                        try
                        {
                            await ProgressCopy.CopyAsync(
                                body, output, done => progress?.Report(new FetchProgress(Name, file, done, total, null)), StallTimeout, cancellationToken).ConfigureAwait(false);
                        }
                        catch (TimeoutException e)
                        {
                            throw new TimeoutException($"{address}: {e.Message}", e);
                        }
                    }
                }
            }
        }

        await DecompressAsync(compressed, Path.Combine(stagingDirectory, file), address, cancellationToken).ConfigureAwait(false);
        File.Delete(compressed);
    }

    private static async Task DecompressAsync(string compressed, string target, Uri address, CancellationToken cancellationToken)
    {
        var input = File.OpenRead(compressed);
        await using (input.ConfigureAwait(false))
        {
            var magic = new byte[2];
            int n = await input.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            input.Position = 0;
            var output = File.Create(target);
            await using (output.ConfigureAwait(false))
            {
                if (!GzipDetector.IsGzip(magic.AsSpan(0, n)))
                {
                    // Some servers decompress on the fly; the hash check downstream decides whether the bytes are right.
                    await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                    return;
                }

                try
                {
                    var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
                    await using (gzip.ConfigureAwait(false))
                    {
                        await gzip.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"{address}: the download does not decompress ({e.Message}).", e);
                }
            }
        }
    }
}
