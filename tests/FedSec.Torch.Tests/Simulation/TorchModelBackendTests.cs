using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Simulation;
using FedSec.Torch.Tests.Reconstruction;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Simulation;

public class TorchModelBackendTests
{
    // lenet_dlg's third convolution is one whose input gradient libtorch's oneDNN got wrong on an AVX-512 machine,
    // which made the first two layers' weight gradients wrong in every training step; the backend trains it without
    // oneDNN. One SGD step at rate η moves the weights by η times the float64 gradient (float64 never runs on oneDNN).
    [Fact]
    public void Train_LenetDlgOneSgdStep_MovesTheWeightsByTheFloat64Gradient()
    {
        var info = DatasetCatalog.Info(DatasetCatalog.Mnist);
        var descriptor = ModelCatalog.CreateBuiltIn().Get("lenet_dlg");
        var image = MnistDigits.One(0);
        using var backend = new TorchModelBackend(descriptor, info);
        var global = backend.InitialWeights(3);

        var local = backend.Train(global, image, new LocalTrainingSettings(1, 1, ClientOptimizer.Sgd, 0.1, 0, 0, 0), new Random(1), 1).Weights;

        var expected = Float64Gradient(descriptor, backend, global, image, info);
        double largest = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            double observed = (global[i] - (double)local[i]) / 0.1;
            Assert.True(Math.Abs(observed - expected[i]) <= 1e-4 * largest, $"element {i}: (G − w)/η = {observed}, gradient {expected[i]}");
        }
    }

    private static double[] Float64Gradient(ModelDescriptor descriptor, TorchModelBackend backend, float[] weights, ImageSet image, DatasetInfo info)
    {
        using var scope = NewDisposeScope();
        using var model = descriptor.Create(new ImageShape(1, 28, 28), 10);
        ModuleVectors.LoadVector(model, backend.Layout, weights);
        model.to(ScalarType.Float64);
        var pixels = image.Pixels.Select(p => (p - (double)info.Mean[0]) / info.Std[0]).ToArray();
        var x = tensor(pixels, [1, 1, 28, 28]);
        var loss = nn.functional.cross_entropy(model.forward(x), tensor(new long[] { image.Labels[0] }));
        var grads = autograd.grad([loss], model.parameters().Select(p => (Tensor)p).ToArray());
        return grads.SelectMany(g => g.contiguous().data<double>().ToArray()).ToArray();
    }
}
