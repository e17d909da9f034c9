using FedSec.Cli.Tests.TestSupport;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Processes;

/// <summary>A `fedsec client` stopped by SIGTERM tells its server it leaves, and exits as interrupted.</summary>
[Collection(OneAtATime.Name)]
public sealed class NodeLeaveProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _dir = new();

    public NodeLeaveProcessTests() => TinyMnist.Write(_dir.File("data"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Client_Terminated_ServerLogsThatItsNodeLeftAndTheClientExitsAsInterrupted()
    {
        string url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] small = ["--set", "data_args.train_samples=200", "--set", "data_args.test_samples=100"];

        // The server waits for clients 5-9, which no node hosts: the node stays joined until it is stopped.
        using var server = FedsecProcess.Start(_dir.Path, ["server", .. small, "--data-dir", "data", "--output", "net", "--insecure", "--listen", url, "--join-timeout", "120"]);
        using var node = FedsecProcess.Start(_dir.Path, ["client", "--data-dir", "data", "--server", url, "--insecure", "--clients", "0-4", "--name", "half"]);
        Poll.Until(() => node.Output.Contains("Joined", StringComparison.Ordinal), Bound, $"the node to join. Its output:\n{node.Output}\nThe server's:\n{server.Output}");

        node.Terminate();
        int code = node.WaitForExit(Bound);
        Assert.True(code == 130, $"exit code {code}:\n{node.Output}");
        Assert.Contains("Told the server this node leaves.", node.Output, StringComparison.Ordinal);
        Poll.Until(() => server.Output.Contains("node 'half' left (it was stopped); its clients 0-4 are free to rejoin.", StringComparison.Ordinal), Bound, $"the server to log the node's leaving. Its output:\n{server.Output}");
    }
}
