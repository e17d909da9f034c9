using FedSec.Attacks.Gaussian;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Gaussian;

public class GaussianAttackTests
{
    private const int D = 20_000;

    private static IReadOnlyList<ClientUpdate> Run(GaussianOptions options, long seed, out ClientUpdate[] updates, out float[] global)
    {
        global = Enumerable.Range(0, D).Select(i => (i % 7) * 0.1f).ToArray();
        updates = new[] { new ClientUpdate(0, 10, (float[])global.Clone()), new ClientUpdate(1, 10, (float[])global.Clone()), new ClientUpdate(2, 10, (float[])global.Clone()) };
        return new GaussianAttack(options).AttackModel(updates, AttackFixtures.Context(global, updates, new[] { 1, 2 }, seed: seed));
    }

    [Fact]
    public void AttackModel_MeanAndStd_NoiseHasConfiguredMoments()
    {
        var result = Run(new GaussianOptions { Mean = 0.5, Std = 2.0 }, 3, out _, out var global);
        var noise = AttackFixtures.DeltaOf(result[1], global);
        double mean = noise.Average();
        double std = Math.Sqrt(noise.Sum(x => (x - mean) * (x - mean)) / (noise.Length - 1));

        // Standard errors: 2/√20000 ≈ 0.014 for the mean, ≈ 0.01 for the std.
        Assert.InRange(mean, 0.45, 0.55);
        Assert.InRange(std, 1.95, 2.05);
    }

    [Fact]
    public void AttackModel_TwoMalicious_IndependentDrawsHonestUntouched()
    {
        var result = Run(new GaussianOptions { ClientNum = 2 }, 3, out var updates, out _);
        Assert.NotEqual(result[1].Weights, result[2].Weights);
        Assert.Same(updates[0], result[0]);
    }

    [Fact]
    public void AttackModel_SameSeed_SameNoise()
    {
        Assert.Equal(Run(new GaussianOptions(), 9, out _, out _)[1].Weights, Run(new GaussianOptions(), 9, out _, out _)[1].Weights);
        Assert.NotEqual(Run(new GaussianOptions(), 9, out _, out _)[1].Weights, Run(new GaussianOptions(), 10, out _, out _)[1].Weights);
    }
}
