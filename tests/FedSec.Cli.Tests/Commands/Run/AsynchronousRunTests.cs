using System.Text.Json;
using System.Text.RegularExpressions;
using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Run;

/// <summary><c>fedsec run</c> of an asynchronous example with TorchSharp on a tiny MNIST-shaped data set.</summary>
[Collection(OneAtATime.Name)]
public sealed partial class AsynchronousRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Run(string name, int parallel, long seed)
    {
        string output = _dir.File(name);
        var (code, text) = CommandLine.Run(
        [
            "run", Path.Combine(RepositoryPaths.Root(), "examples", "optimizers", "fedbuff.yaml"), "--data-dir", _dir.File("data"), "--output", output,
            "--parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--set", "train_args.comm_round=3", "--set", "train_args.client_num_in_total=6", "--set", "train_args.client_num_per_round=5",
            "--set", "defense_args.krum_param_m=1", "--set", "data_args.train_samples=240", "--set", "data_args.test_samples=100",
        ]);
        Assert.True(code == 0, text);
        return Seconds().Replace(File.ReadAllText(Path.Combine(output, "rounds.jsonl")), string.Empty);
    }

    [Fact]
    public void Execute_FedBuff_SameNumbersAtAnyParallelismAndSeedDrawsTheStaleness()
    {
        TinyMnist.Write(_dir.File("data"));

        string serial = Run("serial", parallel: 1, seed: 0);
        string parallel = Run("parallel", parallel: 2, seed: 0);
        string other = Run("other", parallel: 1, seed: 1);

        Assert.Equal(serial, parallel);
        static string Consumed(string rounds) => string.Join(";", rounds.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("consumed").GetRawText()));
        Assert.Contains("\"staleness\":", Consumed(serial), StringComparison.Ordinal);
        Assert.NotEqual(Consumed(serial), Consumed(other));
    }

    public void Dispose() => _dir.Dispose();

    // The timings: the round's seconds and each defense's allocated bytes (a measurement, see DefenseMemory).
    [GeneratedRegex("\"seconds\":[^,]*,|,\"allocated_bytes\":[0-9]+")]
    private static partial Regex Seconds();
}
