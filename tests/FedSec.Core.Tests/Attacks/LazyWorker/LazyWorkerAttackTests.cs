using FedSec.Attacks.LazyWorker;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.LazyWorker;

public class LazyWorkerAttackTests
{
    [Fact]
    public void AttackModel_NoNoise_SendsGlobalExactlyWithItsBuffers()
    {
        var global = new[] { 1f, 2f, 3f, 9f };
        var layout = AttackFixtures.LayoutWithBuffers(3, 1);
        var updates = new[] { new ClientUpdate(0, 50, new[] { 4f, 4f, 4f, 4f }), new ClientUpdate(1, 60, new[] { 5f, 5f, 5f, 5f }) };
        var result = new LazyWorkerAttack(new LazyWorkerOptions()).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 1 }, layout));
        Assert.Equal(global, result[1].Weights);
        Assert.NotSame(global, result[1].Weights);
        Assert.Equal(60, result[1].SampleCount);
        Assert.Same(updates[0], result[0]);
    }

    [Fact]
    public void AttackModel_WithNoise_TrainableGetsNoiseOfThatStdBuffersStayGlobal()
    {
        const int d = 20_000;
        var global = new float[d + 1];
        global[d] = 7f;
        var layout = AttackFixtures.LayoutWithBuffers(d, 1);
        var updates = new[] { new ClientUpdate(0, 10, new float[d + 1]) };
        var result = new LazyWorkerAttack(new LazyWorkerOptions { NoiseStd = 0.01 }).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 0 }, layout));
        var noise = result[0].Weights.Take(d).Select(v => (double)v).ToArray();
        double std = Math.Sqrt(noise.Sum(x => x * x) / d);
        Assert.InRange(std, 0.0097, 0.0103);
        Assert.Equal(7f, result[0].Weights[d]);
    }
}
