using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;
using FedSec.Torch.Models;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Simulation;

public class ConcurrentTrainingTests
{
    private static readonly DatasetInfo MnistLike = new("mnist_like", 1, 28, 28, 10, new[] { 0.1307f }, new[] { 0.3081f });

    private static readonly LocalTrainingSettings Settings = new(1, 16, ClientOptimizer.Sgd, 0.05, 0, 0, 0);

    [Fact]
    public void Train_FourClientsAtOnceOnCnnWithDropout_SameWeightsAsOneAtATime()
    {
        var clients = Enumerable.Range(0, 4).Select(i => TestImages.Random(48, 1, 28, 28, 10, seed: 60 + i)).ToArray();
        var models = ModelCatalog.CreateBuiltIn();

        float[][] Serial()
        {
            using var backend = new TorchModelBackend(models.Get("cnn"), MnistLike);
            var global = backend.InitialWeights(3);
            return clients.Select((data, i) => backend.Train(global, data, Settings, new Random(i), 100 + i).Weights).ToArray();
        }

        float[][] Concurrent()
        {
            using var backend = new TorchModelBackend(models.Get("cnn"), MnistLike, concurrentTrainings: 4);
            Assert.Equal(4, backend.MaxConcurrentTrainings);
            var global = backend.InitialWeights(3);
            var result = new float[clients.Length][];
            Parallel.For(0, clients.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                result[i] = backend.Train(global, clients[i], Settings, new Random(i), 100 + i).Weights);
            return result;
        }

        var serial = Serial();
        var concurrent = Concurrent();
        for (int i = 0; i < clients.Length; i++)
        {
            Assert.Equal(serial[i], concurrent[i]);
        }

        Assert.NotEqual(serial[0], serial[1]);
    }

    [Fact]
    public void Run_CnnExperimentWithThreeClientsAtOnce_SameRoundsAndModelAsOneAtATime()
    {
        var clients = Enumerable.Range(0, 4).Select(i => TestImages.Random(40, 1, 28, 28, 10, seed: 70 + i)).ToArray();
        var test = TestImages.Random(60, 1, 28, 28, 10, seed: 98);
        var config = new ExperimentConfig
        {
            Model = "cnn", ClientNumInTotal = 4, ClientNumPerRound = 3, CommRound = 2, Epochs = 1, BatchSize = 16, LearningRate = 0.05, RandomSeed = 12,
        };

        ExperimentResult RunWith(int concurrent)
        {
            using var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("cnn"), MnistLike, concurrent);
            return new Experiment(TestSetup.Of(config, null), backend, new ExperimentData(clients, test)).Run();
        }

        var serial = RunWith(1);
        var concurrent = RunWith(3);
        Assert.Equal(serial.Rounds.Select(r => (r.Accuracy, r.Loss, r.TrainLoss)), concurrent.Rounds.Select(r => (r.Accuracy, r.Loss, r.TrainLoss)));
        Assert.Equal(serial.FinalGlobal, concurrent.FinalGlobal);
    }

    [Fact]
    public void MaxConcurrentTrainings_DefaultIsOne()
    {
        using var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("mlp"), MnistLike);
        Assert.Equal(1, backend.MaxConcurrentTrainings);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 4)]
    public void MaxConcurrentTrainings_ModelWithLibtorchDropout_IsOneElseAsAsked(bool libtorchDropout, int expected)
    {
        var descriptor = new ModelDescriptor("drop", "test", (shape, classes) => TorchSharp.torch.nn.Sequential(
            ("flatten", TorchSharp.torch.nn.Flatten()),
            ("drop", libtorchDropout ? TorchSharp.torch.nn.Dropout(0.5) : TorchSharp.torch.nn.Identity()),
            ("fc", TorchSharp.torch.nn.Linear(shape.Channels * shape.Height * shape.Width, classes))));

        using var backend = new TorchModelBackend(descriptor, MnistLike, concurrentTrainings: 4);

        Assert.Equal(expected, backend.MaxConcurrentTrainings);
    }
}
