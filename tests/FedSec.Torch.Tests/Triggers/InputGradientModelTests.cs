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

    public void Dispose() => _threads.Dispose();
}
