using FedSec.Torch.Triggers;

namespace FedSec.Torch.Tests.Triggers;

public sealed class InputGradientModelTests : IDisposable
{
    private readonly OneTensorThread _threads = new();

    [Fact]
    public void InputGradient_TrainedMlp_MatchesCentralFiniteDifferencesOfTheLoss()
    {
        var data = TriggerScenario.Bands(6, seed: 1);
        using var backend = TriggerScenario.Backend();
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2));
        using var model = new InputGradientModel(TriggerScenario.Settings().Model, TriggerScenario.Info);
        model.Load(global);
        var labels = new[] { 1, 1, 1, 1, 1, 1 };

        var (loss, gradient) = model.InputGradient(data.Pixels, labels);

        Assert.Equal(data.Pixels.Length, gradient.Length);
        const float h = 1e-2f;
        foreach (int k in new[] { 0, 9, 70, 200, 383 })
        {
            var plus = (float[])data.Pixels.Clone();
            var minus = (float[])data.Pixels.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (model.InputGradient(plus, labels).Loss - model.InputGradient(minus, labels).Loss) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) <= 2e-3 + (0.05 * Math.Abs(numeric)), $"pixel {k}: autograd {gradient[k]}, finite differences {numeric}");
        }

        Assert.True(loss > 0);
        Assert.Contains(gradient, g => g != 0);
    }

    [Fact]
    public void InputGradient_LeNet5OnOneChannel_MatchesCentralFiniteDifferences()
    {
        // LeNet-5's first convolution (1 channel, 5 × 5, padding 2) is the kind whose input gradient libtorch's oneDNN
        // can get wrong on AVX-512 CPUs (OneDnn); the capability must give the right one. (With oneDNN on, this case
        // passed too on the development VM: the test guards the result, not the switch.)
        var info = new FedSec.Data.DatasetInfo("one_channel", 1, 28, 28, 10, new[] { 0.1307f }, new[] { 0.3081f });
        using var model = new InputGradientModel(FedSec.Torch.Models.ModelCatalog.CreateBuiltIn().Get("lenet5"), info);
        TorchSharp.torch.random.manual_seed(3);
        using (var fresh = FedSec.Torch.Models.ModelCatalog.CreateBuiltIn().Create("lenet5", new FedSec.Torch.Models.ImageShape(1, 28, 28), 10))
        {
            model.Load(FedSec.Torch.Parameters.ModuleVectors.ToVector(fresh, model.Layout));
        }

        var data = TestImages.Random(2, 1, 28, 28, 10, seed: 4);
        var labels = new[] { 3, 7 };
        var (_, gradient) = model.InputGradient(data.Pixels, labels);

        const float h = 5e-2f;
        var largest = gradient.Select(Math.Abs).Max();
        foreach (int k in new[] { 0, 29, 400, 783, 800, 1500 })
        {
            var plus = (float[])data.Pixels.Clone();
            var minus = (float[])data.Pixels.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (model.InputGradient(plus, labels).Loss - model.InputGradient(minus, labels).Loss) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) <= 0.05 * largest, $"pixel {k}: autograd {gradient[k]}, finite differences {numeric}, largest {largest}");
        }
    }

    public void Dispose() => _threads.Dispose();
}
