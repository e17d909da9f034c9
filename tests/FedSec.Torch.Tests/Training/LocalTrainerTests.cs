using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Torch.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

public class LocalTrainerTests
{
    private const int ModelSeed = 11;
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();
    private static readonly ChannelNormalization Mnist = new([0.1307f], [0.3081f]);
    private static readonly ChannelNormalization Cifar = new([0.4914f, 0.4822f, 0.4465f], [0.247f, 0.243f, 0.261f]);

    [Theory]
    [InlineData("lr", 1, 28)]
    [InlineData("mlp", 1, 28)]
    [InlineData("lenet5", 1, 28)]
    [InlineData("cnn_fedavg", 1, 28)]
    [InlineData("byzfl_cnn_mnist", 1, 28)]
    [InlineData("resnet20", 3, 32)]

    // 56 layers of float32 BatchNorm and convolution: the two paths' rounding differs by a few units in the last place
    // of the largest weights (measured 1.3e-6), far below the step itself (checked below).
    [InlineData("resnet56", 3, 32, 5e-6)]
    public void Train_OneFullBatchSgdStep_EqualsOneSgdStepOfPlainTorchSharp(string name, int channels, int side, double tolerance = 1e-6)
    {
        var data = TestImages.Random(8, channels, side, side, 10, seed: 3);
        var norm = channels == 1 ? Mnist : Cifar;
        var options = new LocalTrainingOptions { Epochs = 1, BatchSize = 8, LearningRate = 0.1 };
        using var model = Create(name, data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);

        var result = new LocalTrainer(model, layout).Train(data, global, options, new Random(5), torchSeed: 9, norm);

        var (expected, expectedLoss) = PlainSgd(name, data, norm, [Enumerable.Range(0, 8).ToArray()], lr: 0.1, momentum: 0, weightDecay: 0, mu: 0);
        Assert.Equal(1, result.Steps);
        AssertClose(expected, result.Weights, tolerance);
        Assert.Equal(expectedLoss, result.MeanLoss, 1e-5);
        Assert.True(MaxAbsDifference(global, result.Weights) > 100 * tolerance, "the step must be far larger than the tolerance, or the comparison proves nothing");
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(0.5, 0.0, 0.0)]
    [InlineData(0.0, 0.9, 0.0)]
    [InlineData(0.0, 0.0, 0.01)]
    [InlineData(0.5, 0.9, 0.01)]
    public void Train_TwoSgdSteps_EqualPlainStepsWithProximalMomentumAndDecay(double mu, double momentum, double weightDecay)
    {
        var data = TestImages.Random(8, 1, 28, 28, 10, seed: 4);
        var options = new LocalTrainingOptions { Epochs = 1, BatchSize = 4, LearningRate = 0.1, ProximalMu = mu, Momentum = momentum, WeightDecay = weightDecay };
        using var model = Create("mlp", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);

        var result = new LocalTrainer(model, layout).Train(data, global, options, new Random(5), torchSeed: 9, Mnist);

        var order = new Random(5).Permutation(8);
        var (expected, _) = PlainSgd("mlp", data, Mnist, [order[..4], order[4..]], 0.1, momentum, weightDecay, mu);
        Assert.Equal(2, result.Steps);
        AssertClose(expected, result.Weights, 1e-6);
        if (mu > 0 || momentum > 0 || weightDecay > 0)
        {
            // The setting must change the result by far more than the tolerance, or the comparison above proves nothing.
            var (plain, _) = PlainSgd("mlp", data, Mnist, [order[..4], order[4..]], 0.1, 0, 0, 0);
            Assert.True(MaxAbsDifference(plain, result.Weights) > 1e-4);
        }
    }

    [Fact]
    public void Train_ProximalMuPositive_EndsCloserToTheGlobalModel()
    {
        var data = TestImages.Random(32, 1, 28, 28, 10, seed: 6);
        using var model = Create("mlp", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var trainer = new LocalTrainer(model, layout);
        var plain = new LocalTrainingOptions { Epochs = 2, BatchSize = 4, LearningRate = 0.1 };

        var free = trainer.Train(data, global, plain, new Random(1), 2, Mnist);
        var prox = trainer.Train(data, global, plain with { ProximalMu = 1.0 }, new Random(1), 2, Mnist);

        Assert.True(Distance(prox.Weights, global) < Distance(free.Weights, global));
    }

    [Fact]
    public void Train_SameSeeds_IdenticalVectorAndOtherSeedsDiffer()
    {
        var data = TestImages.Random(12, 1, 28, 28, 10, seed: 8);
        using var model = Create("cnn", data); // has dropout: the torch seed matters.
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var trainer = new LocalTrainer(model, layout);
        var options = new LocalTrainingOptions { Epochs = 2, BatchSize = 5, LearningRate = 0.05 };

        var a = trainer.Train(data, global, options, new Random(3), 17, Mnist);
        var b = trainer.Train(data, global, options, new Random(3), 17, Mnist);
        var otherTorchSeed = trainer.Train(data, global, options, new Random(3), 18, Mnist);
        var otherOrder = trainer.Train(data, global, options, new Random(4), 17, Mnist);

        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.MeanLoss, b.MeanLoss);
        Assert.NotEqual(a.Weights, otherTorchSeed.Weights);
        Assert.NotEqual(a.Weights, otherOrder.Weights);
    }

    [Fact]
    public void Train_TenSamplesBatchFourTwoEpochs_KeepsPartialBatchAndTakesSixSteps()
    {
        var data = TestImages.Random(10, 1, 28, 28, 10, seed: 9);
        using var model = Create("lr", data);
        var layout = ModuleVectors.LayoutOf(model);

        var result = new LocalTrainer(model, layout).Train(
            data, ModuleVectors.ToVector(model, layout), new LocalTrainingOptions { Epochs = 2, BatchSize = 4 }, new Random(1), 1);

        Assert.Equal(6, result.Steps);
        Assert.True(result.MeanLoss > 0);
    }

    [Fact]
    public void Train_MaxStepsOne_TakesTheFirstBatchOfTheFirstEpochOnly()
    {
        // FedSGD: 8 samples, batch 4, 3 epochs would be 6 steps; the limit leaves the first one, on the first batch of
        // the first epoch's order, with the loss averaged over those 4 samples.
        var data = TestImages.Random(8, 1, 28, 28, 10, seed: 4);
        using var model = Create("mlp", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var options = new LocalTrainingOptions { Epochs = 3, BatchSize = 4, LearningRate = 0.1, MaxSteps = 1 };

        var result = new LocalTrainer(model, layout).Train(data, global, options, new Random(5), torchSeed: 9, Mnist);

        var order = new Random(5).Permutation(8);
        var (expected, expectedLoss) = PlainSgd("mlp", data, Mnist, [order[..4]], 0.1, 0, 0, 0);
        Assert.Equal(1, result.Steps);
        AssertClose(expected, result.Weights, 1e-6);
        Assert.Equal(expectedLoss, result.MeanLoss, 1e-5);
        var unlimited = new LocalTrainer(model, layout).Train(data, global, options with { MaxSteps = 0 }, new Random(5), torchSeed: 9, Mnist);
        Assert.Equal(6, unlimited.Steps);
    }

    [Fact]
    public void Train_AdamFirstStep_MovesEachWeightByLearningRateAgainstTheGradient()
    {
        var data = TestImages.Random(8, 1, 28, 28, 10, seed: 10);
        using var model = Create("lr", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        const double lr = 0.01;

        var result = new LocalTrainer(model, layout).Train(
            data, global, new LocalTrainingOptions { BatchSize = 8, Optimizer = ClientOptimizer.Adam, LearningRate = lr }, new Random(1), 1, Mnist);

        // Adam's bias-corrected first step is lr · g / (|g| + ε) for every weight.
        var gradient = PlainGradient("lr", data, Mnist);
        var expected = new float[global.Length];
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] = (float)(global[i] - (lr * gradient[i] / (Math.Abs(gradient[i]) + 1e-8)));
        }

        AssertClose(expected, result.Weights, 1e-6);
    }

    [Fact]
    public void Train_EmptySet_ReturnsTheGlobalModelAndNoSteps()
    {
        var data = TestImages.Random(0, 1, 28, 28, 10, seed: 1);
        using var model = Create("lr", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);

        var result = new LocalTrainer(model, layout).Train(data, global, new LocalTrainingOptions(), new Random(1), 1);

        Assert.Equal(global, result.Weights);
        Assert.Equal(0, result.Steps);
    }

    [Fact]
    public void Train_InvalidOptions_ThrowsBeforeTraining()
    {
        var data = TestImages.Random(4, 1, 28, 28, 10, seed: 1);
        using var model = Create("lr", data);
        var layout = ModuleVectors.LayoutOf(model);

        var e = Assert.Throws<ArgumentException>(() => new LocalTrainer(model, layout).Train(
            data, new float[layout.Length], new LocalTrainingOptions { BatchSize = 0 }, new Random(1), 1));

        Assert.Contains("BatchSize", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_GlobalVectorOfWrongLength_Throws()
    {
        var data = TestImages.Random(4, 1, 28, 28, 10, seed: 1);
        using var model = Create("lr", data);
        var layout = ModuleVectors.LayoutOf(model);

        Assert.Throws<ArgumentException>(() => new LocalTrainer(model, layout).Train(
            data, new float[layout.Length + 1], new LocalTrainingOptions(), new Random(1), 1));
    }

    [Fact]
    public void Train_WithConstraint_AppliedAfterTheFirstEveryIntervalthAndTheLastStepOfEachEpoch()
    {
        // 10 samples in batches of 2: steps 0..4 per epoch; interval 2 → after steps 0, 2 and 4, in each of 2 epochs.
        var data = TestImages.Random(10, 1, 28, 28, 10, seed: 6);
        using var model = Create("lr", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var constraint = new CountingConstraint(2);
        var options = new LocalTrainingOptions { Epochs = 2, BatchSize = 2, LearningRate = 0.1, Constraint = constraint };

        new LocalTrainer(model, layout).Train(data, global, options, new Random(5), torchSeed: 9, Mnist);

        Assert.Equal(6, constraint.Calls);
        Assert.All(constraint.Globals, g => Assert.Equal(global, g));
    }

    [Fact]
    public void Train_WithPgdConstraint_EndsWithinEpsilonOfTheGlobalModel()
    {
        var data = TestImages.Random(16, 1, 28, 28, 10, seed: 7);
        using var model = Create("mlp", data);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var options = new LocalTrainingOptions { Epochs = 2, BatchSize = 4, LearningRate = 0.5 };
        var trainer = new LocalTrainer(model, layout);

        var free = trainer.Train(data, global, options, new Random(5), torchSeed: 9, Mnist).Weights;
        var projected = trainer.Train(data, global, options with { Constraint = new FedSec.Attacks.EdgeCase.PgdBallConstraint(0.05, 3) }, new Random(5), torchSeed: 9, Mnist).Weights;

        Assert.True(Distance(free, global) > 0.05, "unconstrained training must leave the ball for the test to mean anything");
        Assert.True(Distance(projected, global) <= 0.05 * (1 + 1e-5), $"‖X − G‖ = {Distance(projected, global)}");
    }

    private static nn.Module<Tensor, Tensor> Create(string name, ImageSet data)
    {
        random.manual_seed(ModelSeed);
        return Catalog.Create(name, ImageShape.Of(data), data.ClassCount);
    }

    // Plain TorchSharp SGD over the given batches, written out by hand: PyTorch's SGD update with weight decay and
    // momentum, FedProx's gradient μ(w − w_global) added to the loss gradient. Returns the weights and the first loss.
    private static (float[] Weights, double FirstLoss) PlainSgd(
        string name, ImageSet data, ChannelNormalization norm, int[][] batches, double lr, double momentum, double weightDecay, double mu)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name, data);
        model.train();
        var parameters = model.parameters().ToArray();
        var anchors = parameters.Select(p => p.detach().clone()).ToArray();
        var buffers = new Tensor?[parameters.Length];
        double firstLoss = double.NaN;
        foreach (var batch in batches)
        {
            var (x, y) = Batch(data, norm, batch);
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            if (double.IsNaN(firstLoss))
            {
                firstLoss = loss.item<float>();
            }

            loss.backward();
            using (no_grad())
            {
                for (int i = 0; i < parameters.Length; i++)
                {
                    var p = parameters[i];
                    var d = p.grad!.clone();
                    if (mu > 0)
                    {
                        d.add_((p - anchors[i]) * mu);
                    }

                    if (weightDecay > 0)
                    {
                        d.add_(p * weightDecay);
                    }

                    if (momentum > 0)
                    {
                        buffers[i] = buffers[i] is null ? d.clone() : buffers[i]!.mul_(momentum).add_(d);
                        d = buffers[i]!;
                    }

                    p.sub_(d * lr);
                    p.grad!.zero_();
                }
            }
        }

        var layout = ModuleVectors.LayoutOf(model);
        return (ModuleVectors.ToVector(model, layout), firstLoss);
    }

    // The full-batch loss gradient at the initial weights, in layout order (the models here have no buffers).
    private static float[] PlainGradient(string name, ImageSet data, ChannelNormalization norm)
    {
        using var scope = NewDisposeScope();
        using var model = Create(name, data);
        var (x, y) = Batch(data, norm, Enumerable.Range(0, data.Count).ToArray());
        nn.functional.cross_entropy(model.forward(x), y).backward();
        return model.parameters().SelectMany(p => p.grad!.data<float>().ToArray()).ToArray();
    }

    private static (Tensor Images, Tensor Labels) Batch(ImageSet data, ChannelNormalization norm, int[] indices)
    {
        var pixels = new float[indices.Length * data.ImageSize];
        for (int i = 0; i < indices.Length; i++)
        {
            data.Image(indices[i]).CopyTo(pixels.AsSpan(i * data.ImageSize));
        }

        var x = tensor(pixels, [indices.Length, data.Channels, data.Height, data.Width]);
        var mean = tensor(norm.Mean.ToArray(), [1, norm.Channels, 1, 1]);
        var std = tensor(norm.Std.ToArray(), [1, norm.Channels, 1, 1]);
        var y = tensor(indices.Select(i => (long)data.Labels[i]).ToArray());
        return ((x - mean) / std, y);
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = MaxAbsDifference(expected, actual);
        Assert.True(worst <= tolerance, $"Largest difference {worst} exceeds {tolerance}.");
    }

    private static double MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => ((double)x - y) * ((double)x - y)).Sum());
}
