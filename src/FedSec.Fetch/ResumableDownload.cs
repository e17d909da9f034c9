using System.Net;
using System.Net.Http.Headers;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Downloads one address into a partial file, continuing where an earlier attempt stopped: with bytes already in the
/// file it asks for the rest (an HTTP Range request) and appends what a server that honours it sends; a server that
/// answers with the whole file instead starts the file over. The caller checks the finished file's hash, so a partial
/// file from an interrupted download is never trusted on its own.
/// </summary>
internal static class ResumableDownload
{
    /// <summary>Downloads <paramref name="address"/> into <paramref name="partialPath"/>, appending to what is there.</summary>
    /// <exception cref="HttpRequestException">The server answered with an error status; the message names the address.</exception>
    /// <exception cref="TimeoutException">No response within <paramref name="responseTimeout"/>, or no byte for <paramref name="stallTimeout"/>.</exception>
    public static async Task RunAsync(
        HttpClient client,
        Uri address,
        string partialPath,
        string fileLabel,
        IProgress<FetchProgress>? progress,
        TimeSpan responseTimeout,
        TimeSpan stallTimeout,
        CancellationToken cancellationToken)
    {
        long have = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
        string source = address.AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var response = await SendAsync(client, request, responseTimeout, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // Nothing lies past what we have: the earlier attempt got the whole file (its hash decides).
            progress?.Report(new FetchProgress(source, fileLabel, have, have, $"already complete at {have} bytes"));
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{address}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        bool resumed = have > 0 && response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
        if (have > 0)
        {
            progress?.Report(new FetchProgress(source, fileLabel, resumed ? have : 0, null, resumed
                ? $"resuming a partial download at {have} bytes"
                : $"the server does not resume downloads; starting over (discarding {have} bytes)"));
        }

        long start = resumed ? have : 0;
        long? total = response.Content.Headers.ContentLength is { } length ? start + length : null;
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var output = new FileStream(partialPath, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None);
            await using (output.ConfigureAwait(false))
            {
                try
                {
                    await ProgressCopy.CopyAsync(
                        body, output, done => progress?.Report(new FetchProgress(source, fileLabel, start + done, total, null)), stallTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"{address}: {e.Message}", e);
                }
            }
        }

        long written = new FileInfo(partialPath).Length;
        if (total is { } expected && written != expected)
        {
            throw new HttpRequestException($"{address}: the connection ended after {written} of {expected} bytes; run the fetch again to resume.");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(timeout);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.RequestUri}: no response within {timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"{request.RequestUri}: {e.Message}", e);
        }
    }
}
