using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Simulation;
using FedSec.Testing;

namespace FedSec.Core.Tests.Simulation;

/// <summary><c>attack_args.trigger_only</c>: a backdoor's control run, its trigger adapting without its updates.</summary>
public class TriggerOnlyTests
{
    private static ExperimentConfig Config(bool attack) => new()
    {
        ClientNumInTotal = 4,
        ClientNumPerRound = 4,
        CommRound = 3,
        RandomSeed = 5,
        EnableAttack = attack,
        AttackType = attack ? "fake_backdoor" : string.Empty,
        TriggerOnly = attack,
    };

    private static ExperimentData Data(int clientOneSamples) => new(
        Enumerable.Range(0, 4).Select(c => FakeBackend.Data(c == 1 ? clientOneSamples : 4, c)).ToArray(), FakeBackend.Data(3, 0), null);

    [Fact]
    public void Run_TriggerOnly_MaliciousClientTrainsNothingItsTriggerStillAdaptsAndTheModelIsTheHonestClientsAlone()
    {
        var attack = new FakeAdaptiveBackdoor(1);
        var backend = new FakeBackend();
        var control = new Experiment(TestSetup.Of(Config(attack: true), attack), backend, Data(4)).Run();

        // The same clients with client 1 absent in effect: no attack, and no data for it (weight 0, nothing trained).
        var honestOnly = new Experiment(TestSetup.Of(Config(attack: false), null), new FakeBackend(), Data(0)).Run();

        Assert.Equal(3 * 3, backend.TrainedOn.Count);
        Assert.Equal(1 + (1 * 2) + (2 * 2) + (3 * 2), attack.Trigger); // poisoned in rounds 0, 1, 2 as client 1
        Assert.All(control.Rounds, r => Assert.Equal(new[] { 1 }, r.Attacked));
        Assert.Equal(honestOnly.FinalGlobal, control.FinalGlobal);
        Assert.Equal(honestOnly.Rounds.Select(r => r.TrainLoss), control.Rounds.Select(r => r.TrainLoss));
    }

    [Fact]
    public void Run_WithoutTriggerOnly_TheMaliciousClientTrainsAndMovesTheModel()
    {
        var backend = new FakeBackend();
        var attacked = new Experiment(TestSetup.Of(Config(attack: true) with { TriggerOnly = false }, new FakeAdaptiveBackdoor(1)), backend, Data(4)).Run();
        var honestOnly = new Experiment(TestSetup.Of(Config(attack: false), null), new FakeBackend(), Data(0)).Run();

        Assert.Equal(4 * 3, backend.TrainedOn.Count);
        Assert.NotEqual(honestOnly.FinalGlobal, attacked.FinalGlobal);
    }

    [Theory]
    [InlineData("  enable_attack: false\n", "no attack is enabled")]
    [InlineData("  enable_attack: true\n  attack_type: model_replacement\n", "also forges the malicious clients' updates")]
    [InlineData("  enable_attack: true\n  attack_type: ipm\n", "also forges the malicious clients' updates")]
    [InlineData("  enable_attack: true\n  attack_type: alter_min\n", "does not poison the malicious clients' data with a trigger")]
    [InlineData("  enable_attack: true\n  attack_type: label_flipping\n  original_class_list: [3]\n  target_class_list: [9]\n", "does not poison the malicious clients' data with a trigger")]
    public void Bind_TriggerOnlyWithoutADataOnlyAttack_IsAnErrorNamingTheKeyAndWhy(string attack, string why)
    {
        string yaml = $"attack_args:\n  trigger_only: true\n{attack}";
        var error = Assert.Throws<ConfigException>(() => ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets));
        Assert.True(error.Message.Contains("attack_args.trigger_only", StringComparison.Ordinal), error.Message);
        Assert.True(error.Message.Contains(why, StringComparison.Ordinal), error.Message);
    }

    [Theory]
    [InlineData("backdoor")]
    [InlineData("dba")]
    public void Bind_TriggerOnlyWithADataPoisoningBackdoor_Binds(string attack)
    {
        string yaml = $"attack_args:\n  enable_attack: true\n  attack_type: {attack}\n  trigger_only: true\n";
        var setup = ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);
        Assert.True(setup.Config.TriggerOnly);
    }
}
