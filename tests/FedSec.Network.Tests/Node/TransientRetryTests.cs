using FedSec.Network.Node;
using Grpc.Core;

namespace FedSec.Network.Tests.Node;

public sealed class TransientRetryTests
{
    private static RpcException Failure(StatusCode code) => new(new Grpc.Core.Status(code, "test"));

    [Fact]
    public async Task RunAsync_TransientFailureThenSuccess_RepeatsTheCallAndLogsTheWait()
    {
        var log = new List<string>();
        int attempts = 0;

        int value = await new TransientRetry(TimeSpan.FromMinutes(1), TimeProvider.System, log.Add).RunAsync(
            () => ++attempts == 1 ? throw Failure(StatusCode.Unavailable) : Task.FromResult(7), "the poll", CancellationToken.None);

        Assert.Equal((7, 2), (value, attempts));
        Assert.StartsWith("the poll failed (Unavailable: test); trying again in 0.25 s", Assert.Single(log), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.InvalidArgument)]
    public async Task RunAsync_LastingFailure_ThrownAtOnce(StatusCode code)
    {
        int attempts = 0;

        var e = await Assert.ThrowsAsync<RpcException>(() => new TransientRetry(TimeSpan.FromMinutes(1), TimeProvider.System, _ => { }).RunAsync<int>(
            () => { attempts++; throw Failure(code); }, "the poll", CancellationToken.None));

        Assert.Equal((code, 1), (e.StatusCode, attempts));
    }

    [Fact]
    public async Task RunAsync_TransientFailuresPastTheLimit_TheLastOneIsThrown()
    {
        int attempts = 0;

        var e = await Assert.ThrowsAsync<RpcException>(() => new TransientRetry(TimeSpan.FromMilliseconds(100), TimeProvider.System, _ => { }).RunAsync<int>(
            () => { attempts++; throw Failure(StatusCode.Unavailable); }, "the poll", CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(2, attempts); // the first failure starts the clock, the repeat 250 ms later is past 100 ms
    }
}
