using FedSec.Attacks.MinMax;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.MinMax;

public class MinMaxAttackTests
{
    private const double Tol = 1e-5;
    private static readonly float[] Global = { 1f, -1f };

    // Benign deltas x1 = (0,0), x2 = (2,0), x3 = (0,2): μ = (2/3, 2/3), sample σ = (2/√3, 2/√3). The forged delta lies on
    // the diagonal (t, t); its largest squared distance is to x2 (or x3): (t − 2)² + t², capped by the largest benign
    // pairwise one, 8, so t = 1 − √3. Its sum of squared distances is 6t² − 8t + 8, capped by the largest benign row sum, 12,
    // so t = (2 − √10)/3.
    private static readonly double[][] Benign = { new[] { 0.0, 0.0 }, new[] { 2.0, 0.0 }, new[] { 0.0, 2.0 } };

    private static ClientUpdate[] Round() => new[]
    {
        AttackFixtures.FromDelta(0, Global, 0f, 0f),
        AttackFixtures.FromDelta(1, Global, 2f, 0f),
        AttackFixtures.FromDelta(2, Global, 5f, 5f),
        AttackFixtures.FromDelta(3, Global, 0f, 2f),
    };

    private static (double[] Delta, double Gamma, IReadOnlyList<ClientUpdate> Result, ClientUpdate[] Updates) Run(MinMaxObjective objective, PerturbationKind kind)
    {
        var updates = Round();
        var attack = new MinMaxAttack(new MinMaxOptions { Objective = objective, Perturbation = kind });
        var result = attack.AttackModel(updates, AttackFixtures.Context(Global, updates, new[] { 2 }));
        return (AttackFixtures.DeltaOf(result[2], Global), attack.LastGamma, result, updates);
    }

    private static double MaxSquaredDistance(double[] m) => Benign.Max(x => Sq(m, x));

    private static double SumSquaredDistance(double[] m) => Benign.Sum(x => Sq(m, x));

    private static double Sq(double[] a, double[] b) => ((a[0] - b[0]) * (a[0] - b[0])) + ((a[1] - b[1]) * (a[1] - b[1]));

    [Theory]
    [InlineData(PerturbationKind.Std, 1.1547005383792515)] // p = −σ = −(2/√3)(1,1)
    [InlineData(PerturbationKind.UnitVector, 0.7071067811865476)] // p = −(1,1)/√2
    [InlineData(PerturbationKind.Sign, 1.0)] // p = −(1,1)
    public void AttackModel_MinMax_GammaIsLargestFeasibleWithinTolerance(PerturbationKind kind, double pComponent)
    {
        var (delta, gamma, _, _) = Run(MinMaxObjective.MaxDistance, kind);

        // t = 2/3 − γ·pComponent must reach 1 − √3.
        double expected = (Math.Sqrt(3) - (1.0 / 3)) / pComponent;
        Assert.InRange(gamma, expected - Tol - 1e-6, expected + 1e-6);
        Assert.Equal(delta[0], delta[1], 1e-6);
        Assert.Equal(1 - Math.Sqrt(3), delta[0], 1e-4);
    }

    [Fact]
    public void AttackModel_MinMax_MeetsConstraintAndGammaPlusTwoTolViolatesIt()
    {
        var (delta, gamma, _, _) = Run(MinMaxObjective.MaxDistance, PerturbationKind.Std);
        Assert.True(MaxSquaredDistance(delta) <= 8 * (1 + 1e-6), $"max distance² {MaxSquaredDistance(delta)} > 8");

        double a = 2 / Math.Sqrt(3), t = (2.0 / 3) - (a * (gamma + (2 * Tol)));
        Assert.True(MaxSquaredDistance(new[] { t, t }) > 8, "γ + 2·tol should violate the Min-Max constraint");
    }

    [Fact]
    public void AttackModel_MinSum_MeetsConstraintAndGammaPlusTwoTolViolatesIt()
    {
        var (delta, gamma, _, _) = Run(MinMaxObjective.SumOfSquares, PerturbationKind.Std);
        Assert.InRange(gamma, (Math.Sqrt(30) / 6) - Tol - 1e-6, (Math.Sqrt(30) / 6) + 1e-6);
        Assert.Equal((2 - Math.Sqrt(10)) / 3, delta[0], 1e-4);
        Assert.True(SumSquaredDistance(delta) <= 12 * (1 + 1e-6), $"sum of distances² {SumSquaredDistance(delta)} > 12");

        double a = 2 / Math.Sqrt(3), t = (2.0 / 3) - (a * (gamma + (2 * Tol)));
        Assert.True(SumSquaredDistance(new[] { t, t }) > 12, "γ + 2·tol should violate the Min-Sum constraint");
    }

    [Theory]
    [InlineData(MinMaxObjective.MaxDistance)]
    [InlineData(MinMaxObjective.SumOfSquares)]
    public void AttackModel_HonestUpdates_SameInstances(MinMaxObjective objective)
    {
        var (_, _, result, updates) = Run(objective, PerturbationKind.Sign);
        Assert.Same(updates[0], result[0]);
        Assert.Same(updates[1], result[1]);
        Assert.Same(updates[3], result[3]);
    }
}
