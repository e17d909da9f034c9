using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FedSec.Fetch.Tests;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (HttpListener) that serves byte arrays by path, honours "Range: bytes=N-" when
/// asked to, can stall a response after some bytes (sent and flushed, then nothing more until released: the client's
/// stall limit ends the download with exactly those bytes), and records every request. It answers at most
/// <c>maxRequests</c> requests, each on its own task, and stops when disposed, so a test cannot leave it running.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly Task _loop;
    private readonly List<Task> _answers = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoopbackServer(IReadOnlyDictionary<string, byte[]> files, bool acceptRanges = true, long? cutAfter = null, int maxRequests = 10)
    {
        _files = files;
        AcceptRanges = acceptRanges;
        CutAfter = cutAfter;
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(maxRequests));
    }

    public Uri BaseAddress { get; }

    public bool AcceptRanges { get; set; }

    /// <summary>When set, each response stalls after this many body bytes until <see cref="Release"/> or disposal.</summary>
    public long? CutAfter { get; set; }

    /// <summary>Each request: path, Range header, status, body bytes sent.</summary>
    public List<(string Path, string? Range, int Status, long Sent)> Requests { get; } = new();

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Ends the stalled responses (their connections are aborted) and stops stalling new ones.</summary>
    public void Release()
    {
        CutAfter = null;
        _release.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
            Task[] answers;
            lock (_answers)
            {
                answers = _answers.ToArray();
            }

            await Task.WhenAll(answers);
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync(int maxRequests)
    {
        for (int n = 0; n < maxRequests && _listener.IsListening; n++)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (_answers)
            {
                _answers.Add(Task.Run(() => AnswerAsync(context)));
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        string path = context.Request.Url!.AbsolutePath.TrimStart('/');
        string? range = context.Request.Headers["Range"];
        var response = context.Response;
        if (!_files.TryGetValue(path, out var bytes))
        {
            response.StatusCode = 404;
            Record(path, range, 404, 0);
            response.Close();
            return;
        }

        long start = 0;
        if (AcceptRanges && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
            if (start >= bytes.Length)
            {
                response.StatusCode = 416;
                response.Headers["Content-Range"] = $"bytes */{bytes.Length}";
                Record(path, range, 416, 0);
                response.Close();
                return;
            }

            response.StatusCode = 206;
            response.Headers["Content-Range"] = $"bytes {start}-{bytes.Length - 1}/{bytes.Length}";
        }

        long length = bytes.Length - start;
        response.ContentLength64 = length;
        long send = CutAfter is { } cut ? Math.Min(cut, length) : length;
        try
        {
            await response.OutputStream.WriteAsync(bytes.AsMemory((int)start, (int)send));
            await response.OutputStream.FlushAsync();
            Record(path, range, response.StatusCode, send);
            if (send < length)
            {
                await _release.Task;
                response.Abort();
                return;
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client or the listener went away; nothing to answer.
        }
    }

    private void Record(string path, string? range, int status, long sent)
    {
        lock (Requests)
        {
            Requests.Add((path, range, status, sent));
        }
    }
}
