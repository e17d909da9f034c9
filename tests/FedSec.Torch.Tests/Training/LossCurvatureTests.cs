using FedSec.Attacks.ThreeDFed;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

public class LossCurvatureTests
{
    [Fact]
    public void OnLayer_SmoothNetwork_IsTheDerivativeOfTheSumOfTheLayersGradient()
    {
        // H·1 on the hidden layer, checked coordinate by coordinate against central differences of
        // s(W) = Σ_batches Σ ∂L_b/∂W (a tanh network, so the loss is smooth in W).
        using var model = SmoothNetwork();
        var hidden = model.named_parameters().First().parameter;
        var sets = Data();
        var layer = ModuleVectors.LayoutOf(model).Entries[0];

        var curvature = LossCurvature.OnLayer(model, layer, sets, batchSize: 4);

        Assert.Equal(hidden.numel(), curvature.Length);
        const double h = 1e-2;
        for (int k = 0; k < curvature.Length; k++)
        {
            double plus = GradientSum(model, hidden, sets, 4, k, h);
            double minus = GradientSum(model, hidden, sets, 4, k, -h);
            double expected = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(curvature[k] - expected) <= 2e-3 + (2e-2 * Math.Abs(expected)), $"coordinate {k}: {curvature[k]} vs finite differences {expected}");
        }

        Assert.Contains(curvature, c => Math.Abs(c) > 1e-2);
    }

    [Fact]
    public void OnLayer_SoftmaxOutputLayer_Zero()
    {
        // The logits' rows all move by Σ h_j when every output weight moves by 1, and cross-entropy is blind to a shift
        // of every logit: the output layer's H·1 vanishes (which is why 3DFed's indicator layer sits before it).
        using var model = SmoothNetwork();
        var output = ModuleVectors.LayoutOf(model).Entries[2];
        Assert.Equal(2, output.Shape.Count);

        var curvature = LossCurvature.OnLayer(model, output, Data(), batchSize: 4);

        Assert.All(curvature, c => Assert.True(Math.Abs(c) < 1e-5, $"{c}"));
    }

    [Fact]
    public void OnLayer_LeavesTheModelsGradientsModeAndWeights()
    {
        using var model = SmoothNetwork();
        model.train();
        var before = ModuleVectors.ToVector(model, ModuleVectors.LayoutOf(model));

        LossCurvature.OnLayer(model, ModuleVectors.LayoutOf(model).Entries[0], Data(), batchSize: 3);

        Assert.True(model.training);
        Assert.All(model.parameters(), p => Assert.True(p.grad is null));
        Assert.Equal(before, ModuleVectors.ToVector(model, ModuleVectors.LayoutOf(model)));
    }

    [Fact]
    public void OnLayer_NoSuchParameter_NamesIt()
    {
        using var model = SmoothNetwork();
        var e = Assert.Throws<ArgumentException>(() => LossCurvature.OnLayer(model, new ParameterEntry("fc9.weight", [2, 2], 0, ParameterKind.Trainable), Data(), 4));
        Assert.Contains("fc9.weight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeDFedTraining_ReportsTheIndicatorLayersCurvature_AndTrainsTheSameModelAsWithout()
    {
        random.manual_seed(3);
        using var model = ModelCatalog.CreateBuiltIn().Create("mlp", new ImageShape(1, 28, 28), 10);
        var layout = ModuleVectors.LayoutOf(model);
        using var trainer = new LocalTrainer(model, layout);
        var global = ModuleVectors.ToVector(model, layout);
        var data = Images(12);
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 1, Backdoor = new() { TargetLabel = 7 } });
        var context = new ClientContext { Round = 0, ClientId = 0, Seeds = new SeedStreams(1), Layout = layout };
        float[]? reported = null;
        var objective = attack.ObjectiveFor(data, context) with { ReceiveCurvature = c => reported = c };
        var options = new LocalTrainingOptions { Epochs = 1, BatchSize = 5, LearningRate = 0.1 };

        var with = AdversarialTrainer.Train(trainer, data, global, options, objective, new Random(4), 4);
        var without = AdversarialTrainer.Train(trainer, data, global, options, objective with { CurvatureLayer = null, ReceiveCurvature = null }, new Random(4), 4);

        var indicator = objective.CurvatureLayer!;
        Assert.NotEqual(layout.Entries.Where(e => e.Shape.Count == 2).Last().Name, indicator.Name);
        Assert.Equal(indicator.Length, reported!.Length);
        Assert.Contains(reported, c => c != 0);
        Assert.Equal(without.Weights, with.Weights);
    }

    private static nn.Module<Tensor, Tensor> SmoothNetwork()
    {
        random.manual_seed(5);
        return nn.Sequential(("fc1", nn.Linear(4, 3)), ("tanh", nn.Tanh()), ("fc2", nn.Linear(3, 3)));
    }

    // Ten samples of 4 features, classes 0-2, as two sets (clean and "backdoor") of 5 rows each.
    private static (Tensor Images, Tensor Labels)[] Data()
    {
        var rng = new Random(8);
        (Tensor, Tensor) Set() => (
            tensor(Enumerable.Range(0, 20).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray(), [5, 4]),
            tensor(Enumerable.Range(0, 5).Select(_ => (long)rng.Next(3)).ToArray()));
        return [Set(), Set()];
    }

    // s(W + step·e_k): the sum over the sets' batches of the sum of ∂L_b/∂W, in double.
    private static double GradientSum(nn.Module<Tensor, Tensor> model, TorchSharp.Modules.Parameter weight, (Tensor Images, Tensor Labels)[] sets, int batchSize, int k, double step)
    {
        using var scope = NewDisposeScope();
        var flat = weight.detach().view(-1);
        float original = flat[k].item<float>();
        using (no_grad())
        {
            flat[k] = tensor(original + (float)step);
        }

        double sum = 0;
        foreach (var (images, labels) in sets)
        {
            long n = images.shape[0];
            for (long first = 0; first < n; first += batchSize)
            {
                long count = Math.Min(batchSize, n - first);
                var loss = nn.functional.cross_entropy(model.forward(images.narrow(0, first, count)), labels.narrow(0, first, count));
                sum += autograd.grad([loss], [weight])[0].sum().item<float>();
            }
        }

        using (no_grad())
        {
            flat[k] = tensor(original);
        }

        return sum;
    }

    private static ImageSet Images(int count)
    {
        var rng = new Random(9);
        var labels = Enumerable.Range(0, count).Select(i => i % 10).ToArray();
        var pixels = Enumerable.Range(0, count * 784).Select(_ => (float)rng.NextDouble()).ToArray();
        return new ImageSet(pixels, labels, 1, 28, 28, 10);
    }
}
