using System.Net;
using FedSec.Data;

namespace FedSec.Fetch.Tests;

public sealed class HttpMirrorSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FetchAsync_ServerServesGzip_WritesDecompressedFileAndNoScratch()
    {
        byte[] content = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var handler = new FakeHandler(uri => uri.AbsoluteUri == "http://mirror.test/mnist/x-ubyte.gz"
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(IdxWriter.Gzip(content)) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
        using var client = new HttpClient(handler);
        var source = new HttpMirrorSource(new Uri("http://mirror.test/mnist"), client);

        await source.FetchAsync(["x-ubyte"], _dir.Path, null, CancellationToken.None);

        Assert.Equal(content, File.ReadAllBytes(_dir.File("x-ubyte")));
        Assert.Equal(["x-ubyte"], _dir.AllFiles());
        Assert.Equal("http://mirror.test/mnist/", source.Name);
    }

    [Fact]
    public async Task FetchAsync_NotFound_ThrowsNamingAddressAndStatus()
    {
        using var client = new HttpClient(new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));
        var source = new HttpMirrorSource(new Uri("http://mirror.test/data/"), client);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => source.FetchAsync(["f"], _dir.Path, null, CancellationToken.None));

        Assert.Contains("http://mirror.test/data/f.gz", e.Message, StringComparison.Ordinal);
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NoResponseWithinTimeout_ThrowsTimeout()
    {
        using var client = new HttpClient(new FakeHandler(_ => null));
        var source = new HttpMirrorSource(new Uri("http://mirror.test/"), client) { ResponseTimeout = TimeSpan.FromMilliseconds(50) };

        var e = await Assert.ThrowsAsync<TimeoutException>(() => source.FetchAsync(["f"], _dir.Path, null, CancellationToken.None));

        Assert.Contains("http://mirror.test/f.gz", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers each request from a function; a null answer hangs until the request is cancelled.</summary>
    private sealed class FakeHandler(Func<Uri, HttpResponseMessage?> respond) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = respond(request.RequestUri!);
            if (response is null)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return response!;
        }
    }
}
