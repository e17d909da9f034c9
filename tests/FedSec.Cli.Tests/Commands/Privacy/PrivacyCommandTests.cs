using System.Globalization;
using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Privacy;

public class PrivacyCommandTests
{
    [Fact]
    public void Epsilon_TfPrivacyTest0_PrintsThePublishedEpsilon()
    {
        // TF Privacy, compute_dp_sgd_privacy_test.py, Test0: n = 60000, batch 150 (q = 0.0025), noise 1.3, 15 epochs
        // (6000 steps), delta 1e-5 -> epsilon 0.7242234026109595 at order 19, which the default orders hold.
        var (code, output) = CommandLine.Run("privacy", "epsilon", "--noise-multiplier", "1.3", "--sample-rate", "0.0025", "--steps", "6000", "--delta", "1e-5");
        Assert.Equal(0, code);
        Assert.StartsWith("epsilon ", output, StringComparison.Ordinal);
        double epsilon = double.Parse(output["epsilon ".Length..].Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(0.7242234026109595, epsilon, 7);
    }

    [Fact]
    public void Noise_Budget_PrintsANoiseMultiplierWhoseEpsilonMeetsIt()
    {
        var (code, output) = CommandLine.Run("privacy", "noise", "--epsilon", "2", "--sample-rate", "0.1", "--steps", "50", "--delta", "1e-5");
        Assert.Equal(0, code);
        double z = double.Parse(output["noise_multiplier ".Length..].Trim(), CultureInfo.InvariantCulture);
        var (_, check) = CommandLine.Run("privacy", "epsilon", "--noise-multiplier", z.ToString("R", CultureInfo.InvariantCulture), "--sample-rate", "0.1", "--steps", "50", "--delta", "1e-5");
        double epsilon = double.Parse(check["epsilon ".Length..].Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(epsilon, 1.99, 2.0);
    }

    [Fact]
    public void Noise_UnreachableBudget_SaysSoWithUsageExit()
    {
        var (code, output) = CommandLine.Run("privacy", "noise", "--epsilon", "0.001", "--sample-rate", "0.1", "--steps", "50", "--delta", "1e-5");
        Assert.Equal(2, code);
        Assert.Contains("No noise multiplier meets ε = 0.001", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--noise-multiplier", "0", "--noise-multiplier expects a noise multiplier > 0, not '0'")]
    [InlineData("--noise-multiplier", "-1", "--noise-multiplier expects a noise multiplier > 0, not '-1'")]
    [InlineData("--noise-multiplier", "NaN", "--noise-multiplier expects a noise multiplier > 0, not 'NaN'")]
    [InlineData("--sample-rate", "0", "--sample-rate expects a sample rate in (0, 1], not '0'")]
    [InlineData("--sample-rate", "1.5", "--sample-rate expects a sample rate in (0, 1], not '1.5'")]
    [InlineData("--delta", "1", "--delta expects a δ in (0, 1), not '1'")]
    [InlineData("--steps", "0", "--steps expects a whole number of at least 1, not '0'")]
    public void Epsilon_BadValue_NamesTheOptionWithUsageExit(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--noise-multiplier"] = "1", ["--sample-rate"] = "0.1", ["--steps"] = "10", ["--delta"] = "1e-5" };
        args[option] = value;
        var (code, output) = CommandLine.Run(["privacy", "epsilon", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("NaN")]
    public void Noise_BadEpsilon_NamesTheOption(string epsilon)
    {
        var (code, output) = CommandLine.Run("privacy", "noise", "--epsilon", epsilon, "--sample-rate", "0.1", "--steps", "10", "--delta", "1e-5");
        Assert.Equal(2, code);
        Assert.Contains($"--epsilon expects an ε > 0, not '{epsilon}'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Epsilon_MissingOption_SaysWhichIsRequired()
    {
        var (code, output) = CommandLine.Run("privacy", "epsilon", "--sample-rate", "0.1", "--steps", "10", "--delta", "1e-5");
        Assert.Equal(2, code);
        Assert.Contains("--noise-multiplier is required", output, StringComparison.Ordinal);
    }
}
