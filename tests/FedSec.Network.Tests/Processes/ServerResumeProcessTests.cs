using FedSec.Cli.Tests.TestSupport;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Processes;

/// <summary>
/// A `fedsec server` killed with SIGKILL after round 2 of 4 and started again with --resume finishes the run with the
/// rounds.jsonl (but timings) and final model of an uninterrupted `fedsec run`, its nodes reconnecting on their own.
/// FedAvgM's server momentum makes the restored optimizer state matter.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class ServerResumeProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    private static readonly string[] Experiment =
    [
        "--set", "train_args.comm_round=4",
        "--set", "train_args.federated_optimizer=FedAvgM",
        "--set", "data_args.train_samples=200",
        "--set", "data_args.test_samples=100",
        "--data-dir", "data",
        "--save-model",
    ];

    private readonly TempDirectory _dir = new();

    public ServerResumeProcessTests() => TinyMnist.Write(_dir.File("data"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Server_KilledAfterRoundTwoOfFourAndResumed_SameRoundsAndModelAsFedsecRun()
    {
        var (simCode, simOutput) = FedsecProcess.Run(_dir.Path, Bound, ["run", .. Experiment, "--output", "sim", "--parallel", "1"]);
        Assert.True(simCode == 0, simOutput);

        string url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] serve = ["server", .. Experiment, "--output", "net", "--insecure", "--listen", url, "--join-timeout", "120"];
        string rounds = _dir.File("net/rounds.jsonl");
        using var first = FedsecProcess.Start(_dir.Path, serve);
        using var a = FedsecProcess.Start(_dir.Path, "client", "--server", url, "--insecure", "--clients", "0-4", "--name", "a", "--data-dir", "data", "--parallel", "1");
        using var b = FedsecProcess.Start(_dir.Path, "client", "--server", url, "--insecure", "--clients", "5-9", "--name", "b", "--data-dir", "data", "--parallel", "1");
        Poll.Until(() => File.Exists(rounds) && File.ReadAllLines(rounds).Length >= 2, Bound, "round 2 in rounds.jsonl");
        first.KillAlone();
        int recorded = File.ReadAllLines(rounds).Length;
        Assert.True(recorded < 4, $"The server finished before it was killed:\n{first.Output}");

        using var second = FedsecProcess.Start(_dir.Path, [.. serve, "--resume"]);
        Assert.True(second.WaitForExit(Bound) == 0, second.Output);
        Assert.True(a.WaitForExit(Bound) == 0, a.Output);
        Assert.True(b.WaitForExit(Bound) == 0, b.Output);
        Assert.Contains("Resuming run ", second.Output, StringComparison.Ordinal);
        Assert.Equal(RunFiles.Rounds(_dir.File("sim")), RunFiles.Rounds(_dir.File("net")));
        Assert.Equal(File.ReadAllBytes(_dir.File("sim/final_model.npy")), File.ReadAllBytes(_dir.File("net/final_model.npy")));
    }
}
