using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

/// <summary>FedSec's SGD and Adam/AdamW (their scalars kept alive across the native calls) compute what TorchSharp's compute, bit for bit.</summary>
public class KeptAliveOptimizersTests
{
    private static float[][] Train(Func<TorchSharp.Modules.Parameter[], ILocalOptimizer> create, int steps)
    {
        random.manual_seed(7);
        using var model = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3));
        var parameters = model.parameters().ToArray();
        using var optimizer = create(parameters);
        var inputs = randn(8, 6);
        var labels = randint(0, 3, 8);
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            nn.functional.cross_entropy(model.forward(inputs), labels).backward();
            optimizer.Step();
        }

        return parameters.Select(p => p.data<float>().ToArray()).ToArray();
    }

    [Theory]
    [InlineData(0.1, 0.0, 0.0)]
    [InlineData(0.05, 0.9, 0.0)]
    [InlineData(0.02, 0.9, 1e-4)]
    [InlineData(0.1, 0.0, 5e-3)]
    public void Step_TwentySteps_SameParametersAsTorchSharpsSgd(double rate, double momentum, double weightDecay)
    {
        var torchSharp = Train(p => new TorchOptimizer(optim.SGD(p, rate, momentum: momentum, weight_decay: weightDecay)), 20);
        var fedSec = Train(p => new KeptAliveSgd(p, rate, momentum, weightDecay), 20);
        var untrained = Train(p => new KeptAliveSgd(p, rate, momentum, weightDecay), 0);

        Assert.Equal(torchSharp, fedSec);
        Assert.NotEqual(untrained, fedSec);
    }

    [Fact]
    public void New_NegativeRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeptAliveSgd([], -0.1));
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(false, 1e-3)]
    [InlineData(true, 1e-3)]
    public void AdamStep_TwentySteps_SameParametersAsTorchSharpsAdam(bool amsgrad, double weightDecay)
    {
        var torchSharp = Train(p => new TorchOptimizer(optim.Adam(p, 0.01, weight_decay: weightDecay, amsgrad: amsgrad)), 20);
        var fedSec = Train(p => new KeptAliveAdam(p, 0.01, weightDecay, amsgrad), 20);

        Assert.Equal(torchSharp, fedSec);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void AdamWStep_TwentySteps_SameParametersAsTorchSharpsAdamW(double weightDecay)
    {
        var torchSharp = Train(p => new TorchOptimizer(optim.AdamW(p, 0.01, weight_decay: weightDecay)), 20);
        var fedSec = Train(p => new KeptAliveAdam(p, 0.01, weightDecay, decoupled: true), 20);

        Assert.Equal(torchSharp, fedSec);
    }
}
