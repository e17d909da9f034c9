using FedSec.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

/// <summary>
/// oneDNN stays on for the built-in models (it trains FedML's CNN 1.58× faster) because their training steps are right
/// with it: a step with oneDNN equals the step with libtorch's reference kernels (oneDNN off) to float precision. The
/// broken kernel found for lenet_dlg gave errors of 25–80 % of the largest gradient entry; lenet_dlg itself trains with
/// oneDNN off. One step of a batch of 8 is compared: over several steps ResNet-20 (BatchNorm on 8 random images) can be
/// ill-conditioned enough that float32 with or without oneDNN and float64 drift apart by a few percent alike (seen for
/// some seeds while checking this), which says nothing about the kernels.
/// </summary>
public class OneDnnTrainingTests
{
    [Theory]
    [InlineData("lr", DatasetCatalog.Mnist)]
    [InlineData("mlp", DatasetCatalog.Mnist)]
    [InlineData("cnn", DatasetCatalog.Mnist)]
    [InlineData("cnn_fedavg", DatasetCatalog.Mnist)]
    [InlineData("lenet5", DatasetCatalog.Mnist)]
    [InlineData("cnn", DatasetCatalog.Cifar10)]
    [InlineData("resnet20", DatasetCatalog.Cifar10)]
    public void Train_BuiltInModelWithOneDnn_SameStepsAsWithoutIt(string name, string dataset)
    {
        if (OneDnn.Enabled is null)
        {
            return; // No switch for oneDNN on this platform: nothing to compare.
        }

        var info = DatasetCatalog.Info(dataset);
        var descriptor = ModelCatalog.CreateBuiltIn().Get(name);
        Assert.False(descriptor.AvoidOneDnn);
        var data = TestImages.Random(8, info.Channels, info.Height, info.Width, 10, seed: 5);
        var normalization = new FedSec.Torch.Data.ChannelNormalization(info.Mean, info.Std);
        random.manual_seed(11);
        using var model = descriptor.Create(new ImageShape(info.Channels, info.Height, info.Width), 10);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var options = new LocalTrainingOptions { Epochs = 1, BatchSize = 8, LearningRate = 0.1 };

        float[] Step(bool oneDnn)
        {
            using var off = oneDnn ? null : OneDnn.Suspend();
            using var trainer = new LocalTrainer(model, layout);
            return trainer.Train(data, global, options, new Random(3), 4, normalization).Weights;
        }

        var with = Step(oneDnn: true);
        var without = Step(oneDnn: false);
        double largest = global.Zip(without, (g, w) => Math.Abs(g - (double)w)).Max();
        Assert.True(largest > 0, "training changed nothing");
        for (int i = 0; i < with.Length; i++)
        {
            Assert.True(Math.Abs(with[i] - (double)without[i]) <= 1e-3 * largest, $"{name}: element {i} moved by {with[i] - global[i]} with oneDNN, {without[i] - global[i]} without");
        }
    }
}
