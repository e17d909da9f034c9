using FedSec.Attacks.Byzantine;
using FedSec.Attacks.Ipm;
using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

/// <summary><c>attack_args.malicious_clients_without_data</c>: ByzFL's split among the honest clients only.</summary>
public class MaliciousWithoutDataTests
{
    private static DatasetSplit Split(int n)
    {
        var pixels = Enumerable.Range(0, n).Select(i => (float)i / n).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => i % 10).ToArray();
        var train = new ImageSet(pixels, labels, 1, 1, 1, 10);
        var test = new ImageSet(new float[] { 0.5f }, new[] { 3 }, 1, 1, 1, 10);
        return new DatasetSplit(train, test, new DatasetInfo("toy", 1, 1, 1, 10, new[] { 0f }, new[] { 1f }));
    }

    [Theory]
    [InlineData(PartitionMethod.Homo)]
    [InlineData(PartitionMethod.Hetero)]
    public void Build_WithoutData_MaliciousGetNothingAndTheHonestSplitEverySampleAsAmongThemAlone(PartitionMethod method)
    {
        // 4 clients, client 2 malicious: clients 0, 1, 3 get exactly what a split among 3 clients gives clients 0, 1, 2.
        var config = new ExperimentConfig { ClientNumInTotal = 4, PartitionMethod = method, PartitionAlpha = 0.5, RandomSeed = 2 };
        var data = ExperimentDataBuilder.Build(config, Split(900), withoutData: new HashSet<int> { 2 });
        var three = ExperimentDataBuilder.Build(config with { ClientNumInTotal = 3 }, Split(900));

        Assert.Equal(4, data.Clients.Count);
        Assert.Equal(0, data.Clients[2].Count);
        Assert.Equal(900, data.Clients.Sum(c => c.Count));
        Assert.Equal(((ImageSet)three.Clients[0]).Pixels, ((ImageSet)data.Clients[0]).Pixels);
        Assert.Equal(((ImageSet)three.Clients[1]).Pixels, ((ImageSet)data.Clients[1]).Pixels);
        Assert.Equal(((ImageSet)three.Clients[2]).Pixels, ((ImageSet)data.Clients[3]).Pixels);
    }

    [Fact]
    public void Build_EmptySet_IsTheSplitAsBefore()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 5, PartitionMethod = PartitionMethod.Hetero, PartitionAlpha = 0.5 };
        var before = ExperimentDataBuilder.Build(config, Split(500));
        var now = ExperimentDataBuilder.Build(config, Split(500), withoutData: new HashSet<int>());
        Assert.Equal(before.Clients.Select(c => ((ImageSet)c).Pixels), now.Clients.Select(c => ((ImageSet)c).Pixels));
    }

    [Fact]
    public void FixedIdentitiesOf_AreTheIdentitiesTheExperimentAttacksWith()
    {
        var config = new ExperimentConfig
        {
            ClientNumInTotal = 6,
            ClientNumPerRound = 6,
            CommRound = 3,
            RandomSeed = 5,
            EnableAttack = true,
            AttackType = "byzantine",
            MaliciousClientsWithoutData = true,
        };
        var attack = new ByzantineAttack(new ByzantineOptions { ClientNum = 2, Mode = ByzantineMode.Random });
        var identities = AdversarySchedule.FixedIdentitiesOf(config, attack);
        var data = new ExperimentData(Enumerable.Range(0, 6).Select(c => identities.Contains(c) ? FakeBackend.Data(0, 1) : FakeBackend.Data(4, 1)).ToArray(), FakeBackend.Data(3, 0), null);

        var backend = new FakeBackend();
        var result = new Experiment(TestSetup.Of(config, attack), backend, data).Run();

        Assert.Equal(2, identities.Count);
        Assert.All(result.Rounds, r => Assert.Equal(identities.Order(), r.Attacked.Order()));
        Assert.Equal(4 * 3, backend.TrainedOn.Count); // the two clients without data never train
        Assert.All(result.Rounds, r => Assert.False(double.IsNaN(r.TrainLoss)));
    }

    [Theory]
    [InlineData("label_flipping", "  original_class_list: [3]\n  target_class_list: [9]\n")]
    [InlineData("sign_flip", "")]
    [InlineData("byzantine", "  attack_mode: flip\n")]
    [InlineData("backdoor", "")]
    public void Bind_AttackThatNeedsItsOwnData_IsAnErrorNamingBothKeys(string attack, string extra)
    {
        string yaml = $"attack_args:\n  enable_attack: true\n  attack_type: {attack}\n  malicious_clients_without_data: true\n{extra}";
        var error = Assert.Throws<ConfigException>(() => ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets));
        Assert.True(error.Message.Contains("attack_args.malicious_clients_without_data", StringComparison.Ordinal), error.Message);
        Assert.Contains(attack, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ipm", "")]
    [InlineData("byzantine", "  attack_mode: random\n")]
    [InlineData("gaussian", "")]
    public void Bind_AttackThatForgesWithoutItsOwnData_Binds(string attack, string extra)
    {
        string yaml = $"attack_args:\n  enable_attack: true\n  attack_type: {attack}\n  malicious_clients_without_data: true\n{extra}";
        var setup = ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);
        Assert.True(setup.Config.MaliciousClientsWithoutData);
    }

    [Fact]
    public void Bind_PerRoundSelection_IsAnErrorNamingBothKeys()
    {
        const string yaml = "attack_args:\n  enable_attack: true\n  attack_type: ipm\n  malicious_client_selection: per_round\n  malicious_clients_without_data: true\n";
        var error = Assert.Throws<ConfigException>(() => ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets));
        Assert.Contains("attack_args.malicious_clients_without_data", error.Message, StringComparison.Ordinal);
        Assert.Contains("malicious_client_selection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_KeyNotSetOrFalse_ResolvesToTheDefaultSetting()
    {
        var registry = BuiltInComponents.CreateRegistry();
        var unset = ExperimentBinder.Bind(ConfigReader.Parse("attack_args:\n  enable_attack: true\n  attack_type: ipm\n", "t.yaml"), registry, ConfigSamples.Models, ConfigSamples.Datasets);
        var off = ExperimentBinder.Bind(ConfigReader.Parse("attack_args:\n  enable_attack: true\n  attack_type: ipm\n  malicious_clients_without_data: false\n", "t.yaml"), registry, ConfigSamples.Models, ConfigSamples.Datasets);
        Assert.False(unset.Config.MaliciousClientsWithoutData);
        var setting = Assert.Single(off.Settings, s => s.Key.EndsWith("malicious_clients_without_data", StringComparison.Ordinal));
        Assert.True(setting.IsDefault);
    }
}
