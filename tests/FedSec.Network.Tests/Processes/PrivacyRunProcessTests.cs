using FedSec.Cli.Tests.TestSupport;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Processes;

/// <summary>
/// Privacy in the real distributed run: a `fedsec server` and `fedsec client` processes on 127.0.0.1 with dp_args or
/// secure_aggregation_args write what `fedsec run` writes for the same configuration and seed, bit for bit (rounds.jsonl
/// but its timings, with ε of the accountant; final_model.npy). Local DP and dp_clip's clipping run in the nodes, central
/// DP's clipping and noise in the server; under secure aggregation the server only sums masked vectors.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class PrivacyRunProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    private static readonly string[] Small =
    [
        "--set", "train_args.comm_round=2",
        "--set", "train_args.client_num_per_round=8",
        "--set", "defense_args.krum_param_m=4",
        "--set", "data_args.train_samples=200",
        "--set", "data_args.test_samples=100",
        "--save-model",
    ];

    private readonly TempDirectory _dir = new();

    public PrivacyRunProcessTests() => TinyMnist.Write(_dir.File("data"));

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, string> Configs() => new()
    {
        // Central DP (server clipping before m-Krum, noise after aggregation, the accountant's ε) with the Byzantine attack forged at its client.
        { "cdp", "0-4|5-9", "dp_args.enable_dp=true;dp_args.dp_solution_type=cdp;dp_args.clipping_norm=1.0;dp_args.noise_multiplier=0.5" },
        // Local DP: each node noises its clients' updates.
        { "ldp", "0-4|5-9", "dp_args.enable_dp=true;dp_args.dp_solution_type=ldp;dp_args.mechanism_type=gaussian;dp_args.clipping_norm=1.0;dp_args.epsilon=50;dp_args.delta=1e-5" },
        // SecAgg+ with dp_clip (the nodes clip and mask, the server sums masked vectors and noises the sum), three nodes.
        { "secagg", "0-3|4-6|7-9", "attack_args.enable_attack=false;defense_args.enable_defense=false;secure_aggregation_args.enable_secure_aggregation=true;secure_aggregation_args.num_shares=5;secure_aggregation_args.reconstruction_threshold=3;dp_args.enable_dp=true;dp_args.dp_solution_type=dp_clip;dp_args.clipping_norm=1.0;dp_args.noise_multiplier=0.5" },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void ServerAndNodes_SameRoundsAndFinalModelAsFedsecRun(string name, string split, string sets)
    {
        string[] experiment = [.. Small, .. sets.Split(';').SelectMany(s => new[] { "--set", s })];
        var (simCode, simOutput) = FedsecProcess.Run(_dir.Path, Bound, ["run", .. experiment, "--data-dir", "data", "--output", "sim", "--parallel", "1"]);
        Assert.True(simCode == 0, simOutput);

        string url = $"http://127.0.0.1:{FreePort.Next()}";
        using var server = FedsecProcess.Start(_dir.Path, ["server", .. experiment, "--data-dir", "data", "--output", "net", "--insecure", "--listen", url, "--join-timeout", "120"]);
        var nodes = split.Split('|').Select((ids, i) => FedsecProcess.Start(_dir.Path, "client", "--server", url, "--insecure", "--clients", ids, "--name", $"node{i}", "--data-dir", "data", "--parallel", "1")).ToList();
        try
        {
            int code = server.WaitForExit(Bound);
            Assert.True(code == 0, server.Output);
            foreach (var node in nodes)
            {
                Assert.True(node.WaitForExit(Bound) == 0, node.Output);
            }

            var rounds = RunFiles.Rounds(_dir.File("sim"));
            Assert.Equal(rounds, RunFiles.Rounds(_dir.File("net")));
            Assert.Equal(File.ReadAllBytes(_dir.File("sim/final_model.npy")), File.ReadAllBytes(_dir.File("net/final_model.npy")));
            Assert.All(RunFiles.RawRounds(_dir.File("net")), r => Assert.Empty(r["dropped"]!.AsArray()));
            Assert.All(RunFiles.RawRounds(_dir.File("net")), r => Assert.NotNull(r["metrics"]![name == "secagg" ? "secagg_saturated" : "dp_noise_std"]));
            if (name != "ldp")
            {
                Assert.All(RunFiles.RawRounds(_dir.File("net")), r => Assert.True((double)r["metrics"]!["epsilon"]! > 0));
            }
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
