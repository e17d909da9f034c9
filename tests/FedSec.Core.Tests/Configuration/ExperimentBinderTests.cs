using FedSec.Parameters;
using FedSec.Stages;
using FedSec.Setup;
using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Defenses.Krum;
using FedSec.Components;

namespace FedSec.Core.Tests.Configuration;

public class ExperimentBinderTests
{
    private static ExperimentSetup Bind(string yaml, ComponentRegistry? registry = null) =>
        ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), registry ?? BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);

    private static ConfigException Fails(string yaml, ComponentRegistry? registry = null) =>
        Assert.Throws<ConfigException>(() => Bind(yaml, registry));

    [Fact]
    public void Bind_FedMLStyleFileWithEverySection_BindsEngineKeysAndComponents()
    {
        var setup = Bind(ConfigSamples.FedMLStyle);
        var c = setup.Config;

        Assert.Equal(7, c.RandomSeed);
        Assert.Equal("mnist", c.Dataset);
        Assert.Equal("~/fedml_data", c.DataCacheDir);
        Assert.Equal(PartitionMethod.Hetero, c.PartitionMethod);
        Assert.Equal(0.3, c.PartitionAlpha);
        Assert.Equal("cnn", c.Model);
        Assert.Equal(FederatedOptimizer.FedAvg, c.FederatedOptimizer);
        Assert.Equal(new ExperimentShape(20, 10, 12) { LearningRate = 0.03 }, c.Shape);
        Assert.Equal(2, c.Epochs);
        Assert.Equal(10, c.BatchSize);
        Assert.Equal(ClientOptimizer.Sgd, c.ClientOptimizer);
        Assert.Equal(0.03, c.LearningRate);
        Assert.Equal(0.001, c.WeightDecay);
        Assert.Equal(2, c.FrequencyOfTheTest);
        Assert.True(c.EnableAttack);
        Assert.Equal("byzantine", c.AttackType);
        Assert.True(c.EnableDefense);
        Assert.Equal(new[] { "krum" }, c.DefenseTypes);
        Assert.IsType<ByzantineAttack>(setup.Attack?.Instance);
        Assert.IsType<KrumDefense>(Assert.Single(setup.Defenses).Instance);
    }

    [Fact]
    public void Bind_FedMLStyleFile_WarnsOncePerIgnoredSectionAndKey()
    {
        var warnings = Bind(ConfigSamples.FedMLStyle).Warnings;

        Assert.Equal(6, warnings.Count);
        Assert.StartsWith("common_args.training_type: FedML key not used by FedSec", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("environment_args: FedML section not used by FedSec", warnings[1], StringComparison.Ordinal);
        Assert.StartsWith("train_args.client_id_list: FedML key not used by FedSec", warnings[2], StringComparison.Ordinal);
        Assert.StartsWith("device_args: FedML section", warnings[3], StringComparison.Ordinal);
        Assert.Contains("worker_num, using_gpu, gpu_mapping_file, gpu_mapping_key", warnings[3], StringComparison.Ordinal);
        Assert.StartsWith("comm_args: FedML section", warnings[4], StringComparison.Ordinal);
        Assert.StartsWith("tracking_args: FedML section", warnings[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FedMLIgnoredKeysInFedSecSections_OneWarningEachAndNoProblem()
    {
        var setup = Bind("common_args:\n  using_gpu: true\n  wandb_key: abc\n  random_seed: 1\ntrain_args:\n  server_optimizer: sgd\n");

        Assert.Equal(
            new[] { "common_args.using_gpu", "common_args.wandb_key", "train_args.server_optimizer" },
            setup.Warnings.Select(w => w[..w.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(setup.Warnings, w => Assert.EndsWith("ignored.", w, StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_IgnoredSections_AreLeftOutOfTheNamespace()
    {
        var setup = Bind("device_args:\n  batch_size: 4096\ntrain_args:\n  epochs: 1\n");

        Assert.Equal(32, setup.Config.BatchSize);
        Assert.Null(setup.Config.Namespace.Find("batch_size"));
        Assert.Equal("1", setup.Config.Namespace.Find("epochs")!.Value);
    }

    [Fact]
    public void Bind_NoKeys_GivesExperimentConfigDefaults()
    {
        var setup = Bind("train_args:\n");

        Assert.Equal(new ExperimentConfig() with { Namespace = setup.Config.Namespace, DefenseTypes = setup.Config.DefenseTypes, TargetModules = setup.Config.TargetModules }, setup.Config);
        Assert.Empty(setup.Config.DefenseTypes);
        Assert.Equal(["query_key_value"], setup.Config.TargetModules);
        Assert.Null(setup.Attack);
        Assert.Empty(setup.Defenses);
        Assert.Empty(setup.Warnings);
    }

    [Theory]
    [InlineData("end", DivergencePolicy.EndRun)]
    [InlineData("drop", DivergencePolicy.Drop)]
    public void Bind_OnDivergence_ReadsEndOrDrop_AndEndIsTheDefault(string text, DivergencePolicy expected)
    {
        Assert.Equal(expected, Bind($"train_args:\n  on_divergence: {text}\n").Config.OnDivergence);
        Assert.Equal(DivergencePolicy.EndRun, Bind("train_args:\n").Config.OnDivergence);
    }

    [Fact]
    public void Bind_OnDivergenceNeitherEndNorDrop_ProblemNamesTheKeyAndBothValues()
    {
        var p = Assert.Single(Fails("train_args:\n  on_divergence: ignore\n").Problems);

        Assert.Equal("train_args.on_divergence", p.Key);
        Assert.Contains("'ignore'", p.Message, StringComparison.Ordinal);
        Assert.Contains("end", p.Message, StringComparison.Ordinal);
        Assert.Contains("drop", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WrongType_ProblemNamesKeyAndSaysWholeNumber()
    {
        var e = Fails("train_args:\n  comm_round: abc\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("train_args.comm_round", p.Key);
        Assert.Contains("is not a whole number", p.Message, StringComparison.Ordinal);
        Assert.Contains("int ≥ 1", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at t.yaml:2)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SeveralErrors_ListsEveryOneInFileOrder()
    {
        var e = Fails("""
            data_args:
              partition_alpha: 0
            train_args:
              comm_round: abc
              learning_rate: -1
              client_optimizer: rmsprop
            attack_args:
              attack_prob: 1.5
            """);

        Assert.Equal(
            new[] { "data_args.partition_alpha", "train_args.comm_round", "train_args.learning_rate", "train_args.client_optimizer", "attack_args.attack_prob" },
            e.Problems.Select(p => p.Key));
        Assert.Contains("number > 0", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("sgd | adam", e.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("number in [0, 1]", e.Problems[4].Message, StringComparison.Ordinal);
        Assert.Contains("5 problems", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_PerRoundAboveTotal_ProblemNamesClientNumPerRound()
    {
        var e = Fails("train_args:\n  client_num_in_total: 4\n  client_num_per_round: 5\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("train_args.client_num_per_round", p.Key);
        Assert.Contains("use at most 4", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_PoisonWindowEndsBeforeStart_ProblemNamesEnd()
    {
        var e = Fails("attack_args:\n  poison_start_round_id: 3\n  poison_end_round_id: 2\n");

        Assert.Equal("attack_args.poison_end_round_id", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Bind_MoreByzantineClientsThanPerRound_ProblemNamesByzantineClientNum()
    {
        var e = Fails("train_args:\n  client_num_per_round: 3\nattack_args:\n  enable_attack: true\n  attack_type: byzantine\n  byzantine_client_num: 4\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("attack_args.byzantine_client_num", p.Key);
        Assert.Contains("at most 3", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_KrumNeedsMoreClients_ProblemNamesKrumParamM()
    {
        // n = 10, f = 2, m = 5: 2f + 2 = 6 > n - m = 5.
        var e = Fails("defense_args:\n  enable_defense: true\n  defense_type: krum\n  byzantine_client_num: 2\n  krum_param_m: 5\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("defense_args.krum_param_m", p.Key);
        Assert.Contains("2f + 2 ≤ n − m", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ByzantineClientNumOnlyUnderAttackArgs_IsReadByKrum()
    {
        const string Template = "attack_args:\n  byzantine_client_num: {0}\ndefense_args:\n  enable_defense: true\n  defense_type: krum\n  krum_param_m: 5\n";

        // With f = 1 Krum's bound holds (4 ≤ 5); with f = 3 taken from attack_args it fails (8 > 5).
        Assert.IsType<KrumDefense>(Assert.Single(Bind(string.Format(null, Template, 1)).Defenses).Instance);
        var e = Fails(string.Format(null, Template, 3));
        Assert.Equal("defense_args.krum_param_m", Assert.Single(e.Problems).Key);
        Assert.Contains("f = 3", e.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ByzantineClientNumOnlyUnderAttackArgs_KrumOptionsReadIt()
    {
        var ns = ConfigReader.Parse("attack_args:\n  byzantine_client_num: 3\ndefense_args:\n  krum_param_m: 2\n", "t.yaml");
        var problems = new List<ConfigProblem>();

        var options = KrumOptions.Read(new ComponentArgs(ns, "defense_args", new ExperimentShape(10, 10, 1), problems), multi: false);

        Assert.Equal(3, options.ByzantineClientNum);
        Assert.Equal(2, options.M);
        Assert.Empty(problems);
    }

    [Fact]
    public void Bind_TypoKey_ProblemSuggestsClosestKey()
    {
        var e = Fails("train_args:\n  comm_rounds: 3\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("train_args.comm_rounds", p.Key);
        Assert.StartsWith("unknown key 'comm_rounds'; did you mean 'comm_round'?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_KeyFarFromAnyKnown_ProblemWithoutSuggestion()
    {
        var e = Fails("train_args:\n  quux_frobnicate: 3\n");

        Assert.DoesNotContain("did you mean", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UnknownSection_ProblemListsKnownSections()
    {
        var e = Fails("trian_args:\n  comm_round: 3\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("trian_args", p.Key);
        foreach (var s in ConfigSections.All.Concat(ConfigVocabulary.IgnoredFedMLSections))
        {
            Assert.Contains(s, p.Message, StringComparison.Ordinal);
        }

        Assert.Contains("did you mean 'train_args'?", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at t.yaml:2)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UnknownAttackType_ProblemListsRegisteredAndClosest()
    {
        var e = Fails("attack_args:\n  enable_attack: true\n  attack_type: byzantin\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("attack_args.attack_type", p.Key);
        Assert.Contains("the registered attacks are ", p.Message, StringComparison.Ordinal);
        Assert.Contains("label_flipping", p.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'byzantine'?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_EnableAttackWithoutType_Problem()
    {
        var e = Fails("attack_args:\n  enable_attack: true\n");

        var p = Assert.Single(e.Problems);
        Assert.Equal("attack_args.attack_type", p.Key);
        Assert.Contains("enable_attack is true but no attack_type", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TypesGivenWhileDisabled_WarnsAndCreatesNothing()
    {
        var setup = Bind("attack_args:\n  enable_attack: false\n  attack_type: byzantine\ndefense_args:\n  enable_defense: false\n  defense_type: krum\n");

        Assert.Null(setup.Attack);
        Assert.Empty(setup.Defenses);
        Assert.False(setup.Config.EnableAttack);
        Assert.Null(setup.Config.AttackType);
        Assert.Equal(2, setup.Warnings.Count);
        Assert.Equal("attack_args.attack_type: byzantine ignored because attack_args.enable_attack is not true.", setup.Warnings[0]);
        Assert.StartsWith("defense_args.defense_type: krum ignored", setup.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FedMLNoneAttackType_MeansNoAttack()
    {
        var setup = Bind("attack_args:\n  enable_attack: false\n  attack_type: None\n");

        Assert.Null(setup.Attack);
        Assert.Empty(setup.Warnings);
    }

    [Fact]
    public void Bind_KeyOfRegisteredComponentNotConfigured_Warns()
    {
        var setup = Bind("defense_args:\n  krum_param_m: 3\n");

        Assert.Equal("defense_args.krum_param_m: read only by krum (defense), multikrum (defense), which this configuration does not enable; ignored.", Assert.Single(setup.Warnings));
    }

    [Fact]
    public void Bind_FedMLKeyOfUnimplementedComponent_WarnsNotUsed()
    {
        var setup = Bind("defense_args:\n  pretraining_round_num: 5\n");

        Assert.Equal("defense_args.pretraining_round_num: FedML attack/defense key not used by the configured components; ignored.", Assert.Single(setup.Warnings));
    }

    [Theory]
    [InlineData("FedAvg", "defense_args.federated_optimizer: FedSec reads train_args.federated_optimizer (the same value); ignored.")]
    [InlineData("FedProx", "defense_args.federated_optimizer: FedSec reads train_args.federated_optimizer ('FedAvg', not 'FedProx'); ignored.")]
    public void Bind_EngineKeyAlsoUnderAnotherSection_WarnsThatTheHomeOneIsRead(string other, string warning)
    {
        var setup = Bind($"train_args:\n  federated_optimizer: FedAvg\ndefense_args:\n  federated_optimizer: {other}\n");

        Assert.Equal(warning, Assert.Single(setup.Warnings));
        Assert.Equal(FederatedOptimizer.FedAvg, setup.Config.FederatedOptimizer);
    }

    [Fact]
    public void Bind_DefenseTypeList_CreatesDefensesInOrder()
    {
        var setup = Bind("defense_args:\n  enable_defense: true\n  defense_type: [second, first, second]\n", MarkerRegistry());

        Assert.Equal(new[] { "second", "first", "second" }, setup.Config.DefenseTypes);
        Assert.Equal(new[] { "second", "first", "second" }, setup.Defenses.Select(d => ((Marker)d.Instance).Name));
        Assert.All(setup.Defenses, d => Assert.Equal("defense_args", ((Marker)d.Instance).Section));
    }

    [Fact]
    public void Bind_DefenseTypeCommaText_CreatesEachDefense()
    {
        var ns = ConfigReader.Parse("defense_args:\n  enable_defense: true\n", "t.yaml");
        ConfigReader.ApplyOverride(ns, "defense_type=first,second", ConfigVocabulary.KeyHomes(MarkerRegistry()));

        var setup = ExperimentBinder.Bind(ns, MarkerRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);

        Assert.Equal(new[] { "first", "second" }, setup.Defenses.Select(d => ((Marker)d.Instance).Name));
    }

    [Fact]
    public void Bind_UnknownDefenseInList_ProblemPerUnknownName()
    {
        var e = Fails("defense_args:\n  enable_defense: true\n  defense_type: [krum, krun, no_such_defense]\n");

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains("unknown defense 'krun'", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'krum'?", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown defense 'no_such_defense'", e.Problems[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FedOpt", FederatedOptimizer.FedAdam)]
    [InlineData("fedavgm", FederatedOptimizer.FedAvgM)]
    [InlineData("FEDPROX", FederatedOptimizer.FedProx)]
    public void Bind_FederatedOptimizer_CaseInsensitiveAndFedOptIsFedAdam(string written, FederatedOptimizer bound)
    {
        Assert.Equal(bound, Bind($"train_args:\n  federated_optimizer: {written}\n").Config.FederatedOptimizer);
    }

    [Fact]
    public void Bind_UnknownDatasetAndModel_ProblemsListNamesAndClosest()
    {
        var e = Fails("data_args:\n  dataset: mnst\nmodel_args:\n  model: resnet56\n");

        Assert.Equal(new[] { "data_args.dataset", "model_args.model" }, e.Problems.Select(p => p.Key));
        Assert.Contains("expected one of mnist | fashion_mnist | cifar10; did you mean 'mnist'?", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'resnet20'?", e.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DatasetNameInOtherCase_TakesTheKnownSpelling()
    {
        Assert.Equal("cifar10", Bind("data_args:\n  dataset: CIFAR10\n").Config.Dataset);
    }

    [Theory]
    [InlineData("train_args.comm_round=3")]
    [InlineData("comm_round=3")]
    public void Bind_AfterOverride_UsesTheOverriddenValue(string assignment)
    {
        var ns = DefaultConfig.Parse();
        ConfigReader.ApplyOverride(ns, assignment, ConfigVocabulary.KeyHomes(BuiltInComponents.CreateRegistry()));

        var setup = ExperimentBinder.Bind(ns, BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);

        Assert.Equal(3, setup.Config.CommRound);
    }

    [Fact]
    public void Bind_BadOverriddenValue_ProblemSaysItCameFromSet()
    {
        var ns = DefaultConfig.Parse();
        ConfigReader.ApplyOverride(ns, "epochs=many", ConfigVocabulary.KeyHomes(BuiltInComponents.CreateRegistry()));

        var e = Assert.Throws<ConfigException>(() => ExperimentBinder.Bind(ns, BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets));

        var p = Assert.Single(e.Problems);
        Assert.Equal("train_args.epochs", p.Key);
        Assert.EndsWith("(from --set)", p.Message, StringComparison.Ordinal);
    }

    private static ComponentRegistry MarkerRegistry()
    {
        var registry = new ComponentRegistry();
        foreach (var name in new[] { "first", "second" })
        {
            registry.Register(ComponentDescriptor.Defense(name, "Test marker.", args => new Marker(name, args.Section)));
        }

        return registry;
    }

    private sealed record Marker(string Name, string Section) : IBeforeAggregationDefense
    {
        public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context) => DefenseOutcome.KeepAll(updates);
    }
}
