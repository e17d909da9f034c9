using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Simulation;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Simulation;

public class TorchExperimentTests
{
    private static readonly DatasetInfo MnistLike = new("mnist_like", 1, 28, 28, 10, new[] { 0.1307f }, new[] { 0.3081f });

    private static ExperimentSetup Setup(ExperimentConfig config) => TestSetup.Of(config, null);

    [Fact]
    public void Run_OneClientOneLocalStep_GlobalEqualsOneSgdStepOfPlainTorchSharp()
    {
        var data = TestImages.Random(8, 1, 28, 28, 10, seed: 21);
        var config = new ExperimentConfig
        {
            Model = "mlp", ClientNumInTotal = 1, ClientNumPerRound = 1, CommRound = 1, Epochs = 1, BatchSize = 8, LearningRate = 0.1, RandomSeed = 4,
        };
        var descriptor = ModelCatalog.CreateBuiltIn().Get("mlp");
        using var backend = new TorchModelBackend(descriptor, MnistLike);
        var result = new Experiment(Setup(config), backend, new ExperimentData(new[] { data }, data)).Run();

        var initial = backend.InitialWeights(new SeedStreams(4).DeriveInt("model-init"));
        var expected = PlainSgdStep(descriptor, initial, data, lr: 0.1f);
        Assert.Equal(expected.Length, result.FinalGlobal.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - result.FinalGlobal[i]) <= 1e-6, $"element {i}: {expected[i]} vs {result.FinalGlobal[i]}");
        }

        Assert.NotEqual(initial, result.FinalGlobal);
    }

    [Fact]
    public void Run_SameConfigSeedAndThreads_IdenticalRoundsAndWeights()
    {
        var clients = Enumerable.Range(0, 3).Select(i => TestImages.Random(40, 1, 28, 28, 10, seed: 30 + i)).ToArray();
        var test = TestImages.Random(100, 1, 28, 28, 10, seed: 99);
        var config = new ExperimentConfig
        {
            Model = "cnn", ClientNumInTotal = 3, ClientNumPerRound = 3, CommRound = 2, Epochs = 1, BatchSize = 16, LearningRate = 0.05, RandomSeed = 8,
        };

        (double?[] Accuracies, float[] Final) RunWith(int threads)
        {
            int before = torch.get_num_threads();
            torch.set_num_threads(threads);
            try
            {
                using var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("cnn"), MnistLike);
                var r = new Experiment(Setup(config), backend, new ExperimentData(clients, test)).Run();
                return (r.Rounds.Select(x => x.Accuracy).ToArray(), r.FinalGlobal);
            }
            finally
            {
                torch.set_num_threads(before);
            }
        }

        var first = RunWith(1);
        var second = RunWith(1);
        Assert.Equal(first.Accuracies, second.Accuracies);
        Assert.Equal(first.Final, second.Final);
        Assert.All(first.Accuracies, a => Assert.NotNull(a));
    }

    private static float[] PlainSgdStep(ModelDescriptor descriptor, float[] initial, ImageSet data, float lr)
    {
        using var scope = NewDisposeScope();
        using var model = descriptor.Create(new ImageShape(1, 28, 28), 10);
        var layout = ModuleVectors.LayoutOf(model);
        ModuleVectors.LoadVector(model, layout, initial);
        model.train();
        var x = (tensor(data.Pixels, new long[] { data.Count, 1, 28, 28 }) - 0.1307f) / 0.3081f;
        var y = tensor(data.Labels.Select(l => (long)l).ToArray());
        var loss = nn.functional.cross_entropy(model.forward(x), y);
        loss.backward();
        using (no_grad())
        {
            foreach (var p in model.parameters())
            {
                p.sub_(p.grad! * lr);
            }
        }

        return ModuleVectors.ToVector(model, layout);
    }
}
