using FedSec.Configuration;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.FedML;

/// <summary>
/// FedSec's own configurations in the shape of FedML's FedMLSecurity experiment configs (FedML/Configs/*.yaml), which
/// together use every key, data set, model, defense name and attack FedML's use: all validate, every key is read or
/// warned about, and a few run one round on tiny generated data.
/// </summary>
public sealed class FedMLSecurityConfigTests : IDisposable
{
    private static readonly string ConfigDirectory = Path.Combine(AppContext.BaseDirectory, "FedML", "Configs");
    private static readonly ExperimentFactory Factory = ExperimentFactory.CreateDefault();

    private readonly TempDirectory _data = new();

    public static TheoryData<string> ConfigNames() => new(Names());

    private static string[] Names() => Directory.GetFiles(ConfigDirectory, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => _data.Dispose();

    private static ConfigNamespace Read(string name) => ConfigReader.ParseFile(Path.Combine(ConfigDirectory, name + ".yaml"));

    [Theory]
    [MemberData(nameof(ConfigNames))]
    public void Bind_FedMLStyleConfig_ValidatesAndEveryKeyIsReadOrWarnedAbout(string name)
    {
        var config = Read(name);

        var setup = Factory.Bind(config);

        var read = setup.Settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in config.Entries)
        {
            bool honoured = read.Contains(entry.QualifiedKey)
                || entry.Key is "enable_attack" or "enable_defense" or "attack_type" or "defense_type" or "data_cache_dir";
            bool warned = setup.Warnings.Any(w => w.StartsWith(entry.QualifiedKey + ":", StringComparison.Ordinal)
                || (w.StartsWith(entry.Section + ": FedML section", StringComparison.Ordinal) && w.Contains(entry.Key, StringComparison.Ordinal)));
            Assert.True(honoured || warned, $"{name}: {entry.QualifiedKey} is neither read nor warned about.");
        }
    }

    [Fact]
    public void Configs_Together_UseEverySectionKeyDataSetModelDefenseAndAttackOfFedMLsConfigs()
    {
        var configs = Names().Select(Read).ToArray();
        var keys = configs.SelectMany(c => c.Entries.Select(e => e.QualifiedKey)).ToHashSet(StringComparer.Ordinal);
        string Value(ConfigNamespace c, string key) => c.Find(key)?.Value?.ToString() ?? string.Empty;

        Assert.Empty(FedMLSecurityVocabulary.Keys.Except(keys));
        Assert.Empty(FedMLSecurityVocabulary.Datasets.Except(configs.Select(c => Value(c, "dataset"))));
        Assert.Empty(FedMLSecurityVocabulary.Models.Except(configs.Select(c => Value(c, "model"))));
        Assert.Empty(FedMLSecurityVocabulary.Defenses.Except(configs.Select(c => Value(c, "defense_type"))));
        Assert.Empty(FedMLSecurityVocabulary.Attacks.Except(configs.Select(c => Value(c, "attack_type"))));
    }

    [Theory]
    [InlineData("femnist_cnn_byzantine_random_foolsgold", new[] { "foolsgold" })]
    [InlineData("cifar100_resnet56_byzantine_random_krum", new[] { "krum" })]
    [InlineData("mnist_lr_3sigma_geo", new[] { "3sigma", "geo_median" })]
    [InlineData("mnist_lr_3sigma_foolsgold", new[] { "3sigma", "foolsgold" })]
    [InlineData("mnist_lr_diff_clipping", new[] { "norm_diff_clipping" })]
    [InlineData("shakespeare_rnn_byzantine_random_krum", new[] { "krum" })]
    [InlineData("stackoverflow_lr_byzantine_random_foolsgold", new[] { "foolsgold" })]
    public void Run_OneRoundOnGeneratedData_EvaluatesAndEveryDefenseActs(string name, string[] defenses)
    {
        var config = Read(name);
        ConfigReader.ApplyOverride(config, "comm_round=1", Factory.KeyHomes());
        var setup = Factory.Bind(config);
        WriteData(setup.Config.Dataset);

        using var prepared = Factory.Prepare(setup, _data.Path);
        var result = prepared.Experiment.Run();

        var round = Assert.Single(result.Rounds);
        Assert.NotNull(round.Accuracy);
        Assert.Null(round.Diverged);
        Assert.Equal(defenses, round.Defenses.Select(d => d.Name).Distinct());
        Assert.Equal(setup.Config.ClientNumInTotal, prepared.Data.Clients.Count);
    }

    [Fact]
    public void Run_StackOverflowOneRound_ReportsFedMLsPrecisionAndRecall()
    {
        var config = Read("stackoverflow_lr_byzantine_random_krum");
        ConfigReader.ApplyOverride(config, "comm_round=1", Factory.KeyHomes());
        var setup = Factory.Bind(config);
        WriteData(setup.Config.Dataset);

        using var prepared = Factory.Prepare(setup, _data.Path);
        var round = Assert.Single(prepared.Experiment.Run().Rounds);

        Assert.InRange(round.Metrics["test_precision"], 0, 1);
        Assert.InRange(round.Metrics["test_recall"], 0, 1);
        Assert.True(round.TrainLoss > 0);
    }

    [Theory]
    [InlineData("shakespeare_rnn_byzantine_random_krum")]
    [InlineData("stackoverflow_lr_byzantine_random_krum")]
    public void Run_SameConfigAndSeed_SameNumbersWithOneOrTwoClientsTrainingAtOnce(string name)
    {
        var config = Read(name);
        ConfigReader.ApplyOverride(config, "comm_round=2", Factory.KeyHomes());
        var setup = Factory.Bind(config);
        WriteData(setup.Config.Dataset);
        float[] Run(int concurrent)
        {
            var factory = ExperimentFactory.CreateDefault();
            factory.ConcurrentClients = concurrent;
            using var prepared = factory.Prepare(setup, _data.Path);
            var result = prepared.Experiment.Run();
            return [.. result.FinalGlobal, (float)result.Rounds[^1].Loss!.Value, (float)result.Rounds[^1].TrainLoss];
        }

        var serial = Run(1);

        Assert.Equal(serial, Run(1));
        Assert.Equal(serial, Run(2));
    }

    /// <summary>Tiny files in each data set's real format: 10 FEMNIST writers, 200 CIFAR-100 records of 10 classes, 120 MNIST images (hetero needs 10 per client), 10 Shakespeare roles, 10 StackOverflow users.</summary>
    private void WriteData(string dataset)
    {
        switch (dataset)
        {
            case DatasetCatalog.Shakespeare:
                ShakespeareWriter.WriteSplit(Path.Combine(_data.Path, "shakespeare"), userCount: 10, perUser: 3);
                break;
            case DatasetCatalog.StackOverflowLr:
                StackOverflowWriter.WriteSplit(Path.Combine(_data.Path, "stackoverflow"), userCount: 10, perUser: 2);
                break;
            case DatasetCatalog.Femnist:
                FemnistWriter.WriteSplit(Path.Combine(_data.Path, "femnist"), writerCount: 10, perWriter: 3);
                break;
            case DatasetCatalog.Cifar100:
                Cifar100Writer.WriteSplit(Path.Combine(_data.Path, "cifar100", "cifar-100-binary"), train: 200, classes: 10);
                break;
            default:
                string dir = Path.Combine(_data.Path, "mnist");
                Directory.CreateDirectory(dir);
                var pixels = Enumerable.Range(0, 120 * 784).Select(i => (byte)(i * 31 % 256)).ToArray();
                File.WriteAllBytes(Path.Combine(dir, "train-images-idx3-ubyte"), IdxWriter.Images(120, 28, 28, pixels));
                File.WriteAllBytes(Path.Combine(dir, "train-labels-idx1-ubyte"), IdxWriter.Labels(Enumerable.Range(0, 120).Select(i => (byte)(i % 10)).ToArray()));
                File.WriteAllBytes(Path.Combine(dir, "t10k-images-idx3-ubyte"), IdxWriter.Images(4, 28, 28, pixels[..(4 * 784)]));
                File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte"), IdxWriter.Labels([1, 2, 3, 4]));
                break;
        }
    }
}
