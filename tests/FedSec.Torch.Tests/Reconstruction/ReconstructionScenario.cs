using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;
using FedSec.Torch.Models;
using FedSec.Torch.Reconstruction;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Reconstruction;

/// <summary>
/// One round of DLG's exact setting on the DLG paper's LeNet (<c>lenet_dlg</c>, MNIST shape): a client with one
/// image takes one SGD step (batch size 1, one epoch) from the global model; the server attacks its update.
/// </summary>
internal sealed class ReconstructionScenario : IDisposable
{
    public const int ClientId = 3;

    private readonly TorchModelBackend _backend;

    public ReconstructionScenario(ImageSet clientData, double learningRate, int modelSeed)
    {
        TorchSharp.torch.set_num_threads(1);
        LearningRate = learningRate;
        ClientData = clientData;
        _backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("lenet_dlg"), DatasetCatalog.Info(DatasetCatalog.Mnist));
        Global = _backend.InitialWeights(modelSeed);
        var settings = new LocalTrainingSettings(1, clientData.Count, ClientOptimizer.Sgd, learningRate, 0, 0, 0);
        var trained = _backend.Train(Global, clientData, settings, new Random(1), 1);
        Updates = [new ClientUpdate(ClientId, clientData.Count, trained.Weights)];
    }

    public double LearningRate { get; }

    public ImageSet ClientData { get; }

    public float[] Global { get; }

    public ParameterLayout Layout => _backend.Layout;

    public IReadOnlyList<ClientUpdate> Updates { get; }

    /// <summary>The attack as the registry builds it from a FedML-style configuration; null iterations keep the default.</summary>
    public IDataReconstructionAttack Attack(string name, int? iterations, List<ConfigProblem>? problems = null, params (string Key, string Value)[] extra)
    {
        var config = new ConfigNamespace();
        config.Set("model_args", "model", "lenet_dlg", "test");
        config.Set("data_args", "dataset", "mnist", "test");
        config.Set("train_args", "learning_rate", LearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "test");
        config.Set("train_args", "batch_size", ClientData.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "test");
        config.Set("train_args", "epochs", "1", "test");
        if (iterations is { } count)
        {
            config.Set("attack_args", "dlg_iterations", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "test");
        }

        foreach (var (key, value) in extra)
        {
            config.Set("attack_args", key, value, "test");
        }

        var descriptor = name == "dlg"
            ? GradientInversionRegistration.Dlg(ModelCatalog.CreateBuiltIn())
            : GradientInversionRegistration.Idlg(ModelCatalog.CreateBuiltIn());
        problems ??= new List<ConfigProblem>();
        var attack = (IDataReconstructionAttack)descriptor.Create(new ComponentArgs(config, "attack_args", new ExperimentShape(4, 1, 1), problems))!;
        Assert.Empty(problems);
        return attack;
    }

    public RoundContext Context(string? outputDirectory = null) => new()
    {
        Round = 0,
        TotalRounds = 1,
        Global = Global,
        Layout = Layout,
        SampledClients = [ClientId],
        MaliciousClients = new HashSet<int>(),
        Seeds = new SeedStreams(5),
        TotalClients = 4,
        ClientData = id => ClientData,
        OutputDirectory = outputDirectory,
    };

    public void Dispose() => _backend.Dispose();
}
