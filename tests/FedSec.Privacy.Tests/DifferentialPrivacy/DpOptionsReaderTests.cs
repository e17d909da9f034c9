using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Privacy.Tests.TestSupport;

namespace FedSec.Privacy.Tests.DifferentialPrivacy;

public class DpOptionsReaderTests
{
    private static string OnlyProblem(string dpArgs, int clients = 10, int perRound = 10, int rounds = 1)
    {
        var e = PrivacySetup.Fails(PrivacySetup.Yaml(dpArgs, clients, perRound, rounds));
        return Assert.Single(e.Problems).ToString();
    }

    [Theory]
    [InlineData("noise_multiplier: 0", "dp_args.noise_multiplier: 0 is out of range")]
    [InlineData("noise_multiplier: -1", "dp_args.noise_multiplier: -1 is out of range")]
    [InlineData("noise_multiplier: .nan", "dp_args.noise_multiplier: '.nan' is not a finite number")]
    [InlineData("noise_multiplier: 1\nclipping_norm: 0", "dp_args.clipping_norm: 0 is out of range")]
    [InlineData("noise_multiplier: 1\nclipping_norm: -2", "dp_args.clipping_norm: -2 is out of range")]
    [InlineData("noise_multiplier: 1\nclipping_norm: NaN", "dp_args.clipping_norm: 'NaN' is not a finite number")]
    [InlineData("epsilon: 0", "dp_args.epsilon: 0 is out of range")]
    [InlineData("epsilon: -3", "dp_args.epsilon: -3 is out of range")]
    [InlineData("epsilon: nan", "dp_args.epsilon: 'nan' is not a finite number")]
    [InlineData("noise_multiplier: 1\ndelta: 1", "dp_args.delta: 1 is out of range; expected number in (0, 1)")]
    [InlineData("noise_multiplier: 1\ndelta: 1.5", "dp_args.delta: 1.5 is out of range; expected number in (0, 1)")]
    public void Bind_BadValue_NamesTheKey(string dpArgs, string expected) =>
        Assert.StartsWith(expected, OnlyProblem(dpArgs), StringComparison.Ordinal);

    [Fact]
    public void Bind_Nbafl_RefusedSayingWhatToUse()
    {
        string problem = OnlyProblem("dp_solution_type: nbafl");
        Assert.StartsWith("dp_args.dp_solution_type: nbafl (Wei et al. 2020) is not implemented", problem, StringComparison.Ordinal);
        Assert.Contains("Use ldp", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DpClipWithFedNova_RefusedSayingToUseCdp()
    {
        string yaml = "train_args:\n  federated_optimizer: FedNova\n  client_num_in_total: 4\n  client_num_per_round: 4\ndp_args:\n  enable_dp: true\n  dp_solution_type: dp_clip\n  noise_multiplier: 1\n";
        string problem = Assert.Single(PrivacySetup.Fails(yaml).Problems).ToString();
        Assert.StartsWith("dp_args.dp_solution_type: dp_clip with train_args.federated_optimizer FedNova", problem, StringComparison.Ordinal);
        Assert.Contains("Use cdp", problem, StringComparison.Ordinal);
        PrivacySetup.Bind(yaml.Replace("dp_clip", "cdp", StringComparison.Ordinal)); // cdp clips after the rescaling
    }

    [Fact]
    public void Bind_CdpWithLaplace_Refused() =>
        Assert.StartsWith("dp_args.mechanism_type: cdp is DP-FedAvg with Gaussian noise", OnlyProblem("noise_multiplier: 1\nmechanism_type: laplace"), StringComparison.Ordinal);

    [Fact]
    public void Bind_CdpWithoutNoiseOrBudget_AsksForOne() =>
        Assert.StartsWith("dp_args.noise_multiplier: cdp needs noise_multiplier", OnlyProblem("clipping_norm: 1"), StringComparison.Ordinal);

    [Fact]
    public void Bind_CdpWithNoiseAndBudget_AsksForOne() =>
        Assert.StartsWith("dp_args.epsilon: cdp takes either noise_multiplier or epsilon", OnlyProblem("noise_multiplier: 1\nepsilon: 2"), StringComparison.Ordinal);

    [Fact]
    public void Bind_LdpWithoutEpsilon_AsksForIt() =>
        Assert.StartsWith("dp_args.epsilon: ldp calibrates each client's noise", OnlyProblem("dp_solution_type: ldp"), StringComparison.Ordinal);

    [Fact]
    public void Bind_LdpSensitivityBelowTwiceTheClipNorm_Refused() =>
        Assert.StartsWith("dp_args.sensitivity: 1 is below 2·clipping_norm = 2", OnlyProblem("dp_solution_type: ldp\nepsilon: 1\nsensitivity: 1"), StringComparison.Ordinal);

    [Fact]
    public void Bind_BudgetNoNoiseCanMeet_SaysSo()
    {
        string problem = OnlyProblem("epsilon: 0.001");
        Assert.StartsWith("dp_args.epsilon: No noise multiplier meets ε = 0.001", problem, StringComparison.Ordinal);
        Assert.Contains("sample rate q = client_num_per_round / client_num_in_total = 1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_AdaptiveWithNoiseAboveTwiceTheCountNoise_SaysWhatToChange() =>
        Assert.StartsWith("dp_args.clipped_count_stddev: adaptive clipping splits the noise multiplier z = 1.2", OnlyProblem("noise_multiplier: 1.2\nadaptive_clipping: true"), StringComparison.Ordinal);

    [Fact]
    public void Bind_CdpBudget_CalibratesANoiseMultiplierThatMeetsIt()
    {
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("epsilon: 3", clients: 100, perRound: 10, rounds: 20));
        var dp = Assert.IsType<ServerClippedDp>(Assert.Single(setup.Extensions).Instance);
        double eps = FedSec.Privacy.Accounting.RdpAccountant.EpsilonAfter(dp.NoiseMultiplier, 0.1, 20, 1e-5).Epsilon;
        Assert.InRange(eps, 3 - 0.01, 3);
    }

    [Theory]
    [InlineData("noise_multiplier: 1", typeof(ServerClippedDp))]
    [InlineData("noise_multiplier: 1\ndp_solution_type: dp_clip", typeof(ClientClippedDp))]
    [InlineData("dp_solution_type: ldp\nepsilon: 1", typeof(LocalDp))]
    public void Bind_Solution_CreatesItsComponent(string dpArgs, Type expected) =>
        Assert.IsType(expected, Assert.Single(PrivacySetup.Bind(PrivacySetup.Yaml(dpArgs)).Extensions).Instance);

    [Fact]
    public void Bind_DpArgsWithoutEnableDp_NoComponent()
    {
        var setup = PrivacySetup.Bind("dp_args:\n  noise_multiplier: 1\n");
        Assert.Empty(setup.Extensions);
    }

    [Fact]
    public void Bind_Cdp_SettingsEnterTheRunKeys()
    {
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("noise_multiplier: 1.5"));
        Assert.Contains(setup.Settings, s => s.Key == "dp_args.noise_multiplier" && s.Text == "1.5");
        Assert.Contains(setup.Settings, s => s.Key == "dp_args.enable_dp" && s.Text == "true" && !s.IsDefault);
    }
}
