using FedSec.Cli.Tests.TestSupport;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Processes;

/// <summary>
/// The real thing: a `fedsec server` process and `fedsec client` processes on 127.0.0.1 must write what `fedsec run`
/// writes for the same configuration and seed, bit for bit (rounds.jsonl but its timings, final_model.npy), whatever
/// the split of the clients over the nodes and however many each trains at once.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class DistributedRunProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    // The default experiment (10 clients, a random Byzantine client, m-Krum), small: 8 of 10 clients sampled per round.
    private static readonly string[] Experiment =
    [
        "--set", "train_args.comm_round=3",
        "--set", "train_args.client_num_per_round=8",
        "--set", "data_args.train_samples=200",
        "--set", "data_args.test_samples=100",
        "--save-model",
    ];

    private readonly TempDirectory _dir = new();

    public DistributedRunProcessTests() => TinyMnist.Write(_dir.File("data"));

    public void Dispose() => _dir.Dispose();

    // The last: train_args.exact_sum with norm-difference clipping and the attack forged at the clients, so the server
    // aggregates every round as the updates arrive.
    [Theory]
    [InlineData("0-3|4-6|7-9", "1", "client", "defense_args.krum_param_m=4")]
    [InlineData("0,2,4,6,8|1,3,5,7,9", "2", "server", "defense_args.krum_param_m=4")]
    [InlineData("0-2|3-5|6-9", "1", "client", "defense_args.defense_type=norm_diff_clipping,defense_args.norm_bound=1,train_args.exact_sum=true")]
    public void ServerAndNodes_SameRoundsAndFinalModelAsFedsecRun(string split, string parallel, string ownUpdateAttacks, string sets)
    {
        string[] experiment = [.. Experiment, .. sets.Split(',').SelectMany(kv => new[] { "--set", kv })];
        var (simCode, simOutput) = FedsecProcess.Run(_dir.Path, Bound, ["run", .. experiment, "--data-dir", "data", "--output", "sim", "--parallel", "1"]);
        Assert.True(simCode == 0, simOutput);

        string url = $"http://127.0.0.1:{FreePort.Next()}";
        using var server = FedsecProcess.Start(_dir.Path, ["server", .. experiment, "--data-dir", "data", "--output", "net", "--insecure", "--listen", url, "--own-update-attacks", ownUpdateAttacks, "--join-timeout", "120"]);
        var nodes = split.Split('|').Select((ids, i) => FedsecProcess.Start(_dir.Path, "client", "--server", url, "--insecure", "--clients", ids, "--name", $"node{i}", "--data-dir", "data", "--parallel", parallel)).ToList();
        try
        {
            int code = server.WaitForExit(Bound);
            Assert.True(code == 0, server.Output);
            foreach (var node in nodes)
            {
                Assert.True(node.WaitForExit(Bound) == 0, node.Output);
            }

            Assert.Equal(RunFiles.Rounds(_dir.File("sim")), RunFiles.Rounds(_dir.File("net")));
            Assert.Equal(File.ReadAllBytes(_dir.File("sim/final_model.npy")), File.ReadAllBytes(_dir.File("net/final_model.npy")));
            Assert.All(RunFiles.RawRounds(_dir.File("net")), r => Assert.Equal(ownUpdateAttacks, (string?)r["attack_ran_at"]!["model_poisoning"]));
            Assert.Equal(sets.Contains("exact_sum", StringComparison.Ordinal), server.Output.Contains("aggregating updates as they arrive", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    // 3DFed's server side masks and plants indicators in its clients' models and reads its own feedback from the global
    // model; its indicators' curvature filter needs the sum of what each malicious client computed where it trained,
    // which reaches the server as the clients' findings, and the server tells a client to train a decoy once the default
    // m-Krum has rejected every model, which reaches that client's node in its task. Two attackers, split over the nodes by
    // parity; LeNet-5, since the curvature of the default cnn's 1.2M-weight layer takes minutes on two cores.
    [Fact]
    public void ServerAndNodes_3DFedWithCurvatureFromTheNodesAndADecoy_SameRoundsAndFinalModelAsFedsecRun()
    {
        string[] experiment =
        [
            .. Experiment,
            "--set", "model_args.model=lenet5",
            "--set", "attack_args.attack_type=3dfed", "--set", "attack_args.byzantine_client_num=2",
            "--set", "defense_args.krum_param_m=4",
        ];
        var (simCode, simOutput) = FedsecProcess.Run(_dir.Path, Bound, ["run", .. experiment, "--data-dir", "data", "--output", "sim", "--parallel", "1"]);
        Assert.True(simCode == 0, simOutput);

        string url = $"http://127.0.0.1:{FreePort.Next()}";
        using var server = FedsecProcess.Start(_dir.Path, ["server", .. experiment, "--data-dir", "data", "--output", "net", "--insecure", "--listen", url, "--join-timeout", "120"]);
        var nodes = new[] { "0,2,4,6,8", "1,3,5,7,9" }.Select((ids, i) => FedsecProcess.Start(_dir.Path, "client", "--server", url, "--insecure", "--clients", ids, "--name", $"node{i}", "--data-dir", "data")).ToList();
        try
        {
            Assert.True(server.WaitForExit(Bound) == 0, server.Output);
            foreach (var node in nodes)
            {
                Assert.True(node.WaitForExit(Bound) == 0, node.Output);
            }

            var simulated = RunFiles.RawRounds(_dir.File("sim"));
            Assert.All(simulated, r => Assert.True((double?)r["metrics"]!["3dfed_curvature_clients"] >= 1, "a round of the simulation had no attacker's curvature"));
            Assert.Contains(simulated, r => (double?)r["metrics"]!["3dfed_decoys"] >= 1);
            Assert.Equal(RunFiles.Rounds(_dir.File("sim")), RunFiles.Rounds(_dir.File("net")));
            Assert.Equal(File.ReadAllBytes(_dir.File("sim/final_model.npy")), File.ReadAllBytes(_dir.File("net/final_model.npy")));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }
}
