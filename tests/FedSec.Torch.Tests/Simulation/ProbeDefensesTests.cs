using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;
using FedSec.Stages;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Simulation;

/// <summary>DeepSight and FLARE through the factory's checks and a short TorchSharp run under a backdoor attack.</summary>
public class ProbeDefensesTests
{
    private static readonly ExperimentFactory Factory = ExperimentFactory.CreateDefault();
    private static readonly DatasetInfo MnistLike = new("mnist_like", 1, 28, 28, 10, new[] { 0.1307f }, new[] { 0.3081f });

    private static ConfigNamespace Parse(string yaml) => ConfigReader.Parse(yaml, "t.yaml");

    [Fact]
    public void Bind_FlareWithAModelWithoutFeatures_ProblemNamesModelKeyAndDefense()
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse("data_args: { dataset: mnist }\nmodel_args: { model: lr }\ntrain_args: { client_num_in_total: 10 }\ndefense_args: { enable_defense: true, defense_type: flare }")));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("model_args.model", problem.Key);
        Assert.Contains("defense_args.defense_type 'flare'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cnn", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ChameleonWithAModelWithoutAnEncoderHeadSplit_ProblemNamesModelKeyAttackAndFittingModels()
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse("data_args: { dataset: mnist }\nmodel_args: { model: lr }\ntrain_args: { client_num_in_total: 10 }\nattack_args: { enable_attack: true, attack_type: chameleon }")));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("model_args.model", problem.Key);
        Assert.Contains("attack_args.attack_type 'chameleon'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cnn", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(Factory.Bind(Parse("data_args: { dataset: mnist }\nmodel_args: { model: mlp }\ntrain_args: { client_num_in_total: 10 }\nattack_args: { enable_attack: true, attack_type: chameleon }")).Attack);
    }

    [Fact]
    public void Bind_FlareAndDeepSightWithCnn_Accepted()
    {
        Assert.Single(Factory.Bind(Parse("data_args: { dataset: mnist }\nmodel_args: { model: cnn }\ntrain_args: { client_num_in_total: 10 }\ndefense_args: { enable_defense: true, defense_type: flare }")).Defenses);
        Assert.Single(Factory.Bind(Parse("data_args: { dataset: mnist }\nmodel_args: { model: lr }\ntrain_args: { client_num_in_total: 10 }\ndefense_args: { enable_defense: true, defense_type: deepsight }")).Defenses);
    }

    [Fact]
    public void Bind_DeepSightOnShakespeare_ProblemNamesDefenseType()
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse("data_args: { dataset: shakespeare }\nmodel_args: { model: rnn }\ndefense_args: { enable_defense: true, defense_type: deepsight }")));
        Assert.Contains(e.Problems, p => p.Key == "defense_args.defense_type" && p.Message.Contains("deepsight", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("defense_type: deepsight, deepsight_num_samples: 100, deepsight_num_seeds: 2")]
    [InlineData("defense_type: flare, root_set_size: 20")]
    public void Run_BackdoorAttack_DefenseGivesAVerdictPerClientEveryRound_Reproducibly(string defense)
    {
        var setup = Factory.Bind(Parse($$"""
            common_args: { random_seed: 3 }
            data_args: { dataset: mnist }
            model_args: { model: mlp }
            train_args: { client_num_in_total: 6, client_num_per_round: 6, comm_round: 2, epochs: 1, batch_size: 16, learning_rate: 0.05 }
            attack_args: { enable_attack: true, attack_type: backdoor, byzantine_client_num: 1, target_label: 0 }
            defense_args: { enable_defense: true, {{defense}} }
            """));
        var clients = Enumerable.Range(0, 6).Select(i => (IClientDataset)TestImages.Random(32, 1, 28, 28, 10, seed: 50 + i)).ToArray();
        var data = new ExperimentData(clients, TestImages.Random(40, 1, 28, 28, 10, seed: 9), TestImages.Random(20, 1, 28, 28, 10, seed: 10));

        ExperimentResult Run()
        {
            using var backend = new TorchModelBackend(Factory.Models.Get("mlp"), MnistLike);
            return new Experiment(setup, backend, data).Run();
        }

        var first = Run();
        Assert.All(first.FinalGlobal, v => Assert.True(float.IsFinite(v)));
        Assert.All(first.Rounds, r =>
        {
            var report = Assert.Single(r.Defenses);
            Assert.Equal(6, report.Verdicts.Count);
            Assert.Equal(r.Sampled.Order(), report.Verdicts.Select(v => v.ClientId).Order());
        });
        Assert.Equal(first.FinalGlobal, Run().FinalGlobal);
    }
}
