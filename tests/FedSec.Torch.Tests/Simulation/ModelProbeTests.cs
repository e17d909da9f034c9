using FedSec.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Simulation;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Simulation;

public class ModelProbeTests
{
    private static readonly DatasetInfo MnistLike = new("mnist_like", 1, 28, 28, 10, new[] { 0.1307f }, new[] { 0.3081f });

    [Theory]
    [InlineData("mlp", 5)]
    [InlineData("cnn", 130)]
    public void Probe_ProbabilitiesAreSoftmaxOfLogitsAndFeaturesTheLastLayersInput(string name, int count)
    {
        var descriptor = ModelCatalog.CreateBuiltIn().Get(name);
        using var backend = new TorchModelBackend(descriptor, MnistLike);
        var weights = backend.InitialWeights(7);
        var images = TestImages.Random(count, 1, 28, 28, 10, seed: 4);

        var outputs = backend.Probe(weights, images.Pixels, count, features: true);

        // The same by hand: load the weights into a fresh module, normalise, forward.
        using var scope = NewDisposeScope();
        var module = descriptor.Create(new ImageShape(1, 28, 28), 10);
        FedSec.Torch.Parameters.ModuleVectors.LoadVector(module, backend.Layout, weights);
        module.eval();
        using var noGrad = no_grad();
        var x = tensor(images.Pixels, [count, 1, 28, 28]).sub(0.1307f).div(0.3081f);
        var logits = module.forward(x);
        var expected = nn.functional.softmax(logits, 1);
        var features = ((IPenultimateModel)module).Features(x);
        Assert.Equal(count, outputs.Probabilities.Length);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(1, outputs.Probabilities[i].Sum(), 4);
            for (int k = 0; k < 10; k++)
            {
                Assert.Equal(expected[i, k].item<float>(), outputs.Probabilities[i][k], 1e-6f);
            }

            Assert.Equal((int)features.shape[1], outputs.Features![i].Length);
            Assert.Equal(features[i, 3].item<float>(), outputs.Features[i][3], 4);
        }
    }

    [Fact]
    public void Probe_WithoutFeatures_ReturnsNone_AndModelWithoutThemRefusesToGiveThem()
    {
        using var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("lr"), MnistLike);
        var images = TestImages.Random(3, 1, 28, 28, 10, seed: 1);
        Assert.Null(backend.Probe(backend.InitialWeights(1), images.Pixels, 3, features: false).Features);
        Assert.False(backend.HasFeatures);
        Assert.Throws<InvalidOperationException>(() => backend.Probe(backend.InitialWeights(1), images.Pixels, 3, features: true));
    }

    [Fact]
    public void Probe_WrongPixelCount_ThrowsNamingTheShape()
    {
        using var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("mlp"), MnistLike);
        var e = Assert.Throws<ArgumentException>(() => backend.Probe(backend.InitialWeights(1), new float[100], 2, false));
        Assert.Contains("1×28×28", e.Message, StringComparison.Ordinal);
    }
}
