using FedSec.Configuration;
using FedSec.Stages;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Triggers;

public sealed class TriggerExampleConfigTests
{
    private static readonly ExperimentFactory Factory = ExperimentFactory.CreateDefault();

    [Theory]
    [InlineData("a3fl")]
    [InlineData("iba")]
    public void Example_Binds_WithoutWarningsToAnAdaptiveBackdoor(string name)
    {
        var ns = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "attacks", name + ".yaml"));
        var setup = Factory.Bind(ns);

        Assert.Empty(setup.Warnings);
        Assert.Equal(name, setup.Config.AttackType);
        Assert.IsAssignableFrom<IAdaptiveBackdoorAttack>(setup.Attack?.Instance);
        Assert.IsAssignableFrom<ICrossRoundState>(setup.Attack?.Instance);
    }

    [Theory]
    [InlineData("a3fl", "a3fl_trigger_lr: 0", "attack_args.a3fl_trigger_lr")]
    [InlineData("a3fl", "a3fl_trigger_epochs: 0", "attack_args.a3fl_trigger_epochs")]
    [InlineData("a3fl", "a3fl_adv_models: -1", "attack_args.a3fl_adv_models")]
    [InlineData("a3fl", "poison_fraction: 1.5", "attack_args.poison_fraction")]
    [InlineData("iba", "iba_eps: 0", "attack_args.iba_eps")]
    [InlineData("iba", "iba_eps: 1.5", "attack_args.iba_eps")]
    [InlineData("iba", "gradmask_ratio: 0", "attack_args.gradmask_ratio")]
    [InlineData("iba", "pgd_eps: -1", "attack_args.pgd_eps")]
    public void Bind_BadValue_ProblemNamesTheKey(string attack, string setting, string key)
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(ConfigReader.Parse($"attack_args: {{ enable_attack: true, attack_type: {attack}, {setting} }}", "t.yaml")));

        Assert.Contains(e.Problems, p => p.Key == key);
    }

    [Fact]
    public void Bind_A3flOnText_ProblemNamesTheAttack()
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(ConfigReader.Parse("data_args: { dataset: shakespeare }\nmodel_args: { model: rnn }\nattack_args: { enable_attack: true, attack_type: a3fl }", "t.yaml")));

        Assert.Contains(e.Problems, p => p.Key == "attack_args.attack_type");
    }
}
