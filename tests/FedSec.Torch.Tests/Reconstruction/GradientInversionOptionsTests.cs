using FedSec.Configuration;
using FedSec.Torch.Models;
using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public class GradientInversionOptionsTests
{
    [Fact]
    public void Read_NothingSet_UsesPaperDefaults()
    {
        var (options, problems) = Read();
        Assert.Empty(problems);
        Assert.Equal(300, options.Iterations);
        Assert.Equal(1, options.Restarts);
        Assert.Equal(-1, options.Client);
        Assert.Empty(options.ProtectedLayers);
        Assert.True(options.LineSearch);
        Assert.True(options.Attacks(4, 5));
        Assert.False(options.Attacks(3, 5));
    }

    [Fact]
    public void Read_FedMLKeys_AttackRoundNumSetsIterationsAndIdxsSetRounds()
    {
        var (options, problems) = Read(("attack_round_num", "40"), ("attack_iteration_idxs", "0,2"), ("protected_layers", "1,3"));
        Assert.Empty(problems);
        Assert.Equal(40, options.Iterations);
        Assert.True(options.Attacks(0, 5));
        Assert.False(options.Attacks(1, 5));
        Assert.True(options.Attacks(2, 5));
        Assert.Equal(new HashSet<int> { 1, 3 }, options.ProtectedLayers);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("Strong_Wolfe", true)]
    public void Read_LineSearch_SelectsFixedStepsOrStrongWolfe(string value, bool expected)
    {
        var (options, problems) = Read(("dlg_line_search", value));
        Assert.Empty(problems);
        Assert.Equal(expected, options.LineSearch);
    }

    [Fact]
    public void Read_UnknownLineSearch_ReportsTheKeyAndTheChoices()
    {
        var (_, problems) = Read(("dlg_line_search", "armijo"));
        var p = Assert.Single(problems);
        Assert.Equal("attack_args.dlg_line_search", p.Key);
        Assert.Contains("strong_wolfe | none", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ConflictingIterationKeys_ReportsBoth()
    {
        var (_, problems) = Read(("attack_round_num", "40"), ("dlg_iterations", "50"));
        var p = Assert.Single(problems);
        Assert.Equal("attack_args.attack_round_num", p.Key);
        Assert.Contains("dlg_iterations", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RoundOrClientOutsideTheExperiment_ReportsEach()
    {
        var (_, problems) = Read(("attack_iteration_idxs", "7"), ("dlg_client", "4"));
        Assert.Equal(["attack_args.attack_iteration_idxs", "attack_args.dlg_client"], problems.Select(p => p.Key).Order().ToArray());
    }

    [Fact]
    public void Create_AdamClients_ReportsClientOptimizer()
    {
        var config = Config(("attack_iteration_idxs", "0"));
        config.Set("train_args", "client_optimizer", "adam", "test");
        var problems = new List<ConfigProblem>();
        GradientInversionRegistration.Dlg(ModelCatalog.CreateBuiltIn()).Create(new ComponentArgs(config, "attack_args", new ExperimentShape(4, 2, 5), problems));
        var p = Assert.Single(problems);
        Assert.Equal("train_args.client_optimizer", p.Key);
    }

    private static (GradientInversionOptions Options, List<ConfigProblem> Problems) Read(params (string Key, string Value)[] values)
    {
        var problems = new List<ConfigProblem>();
        var options = GradientInversionOptions.Read(new ComponentArgs(Config(values), "attack_args", new ExperimentShape(4, 2, 5), problems));
        return (options, problems);
    }

    private static ConfigNamespace Config(params (string Key, string Value)[] values)
    {
        var config = new ConfigNamespace();
        foreach (var (key, value) in values)
        {
            config.Set("attack_args", key, value, "test");
        }

        return config;
    }
}
