using FedSec.Defenses.FLDetector;

namespace FedSec.Core.Tests.Defenses.FLDetector;

public class LbfgsHessianProductTests
{
    [Fact]
    public void Estimate_OnePair_MeetsSecantAndScalesTheOrthogonalPartBySigma()
    {
        // s = (1, 0), y = (2, 0): σ = yᵀs / sᵀs = 2. v = s gives y; v = (0, 1) ⟂ s, y gives σv = (0, 2).
        var pairs = new[] { (new float[] { 1, 0 }, new float[] { 2, 0 }) };
        Assert.Equal(new[] { 2.0, 0.0 }, LbfgsHessianProduct.Estimate(pairs, new float[] { 1, 0 }), Tolerance);
        Assert.Equal(new[] { 0.0, 2.0 }, LbfgsHessianProduct.Estimate(pairs, new float[] { 0, 1 }), Tolerance);
    }

    [Fact]
    public void Estimate_PairsSpanningTheSpace_RecoverTheQuadraticsHessian()
    {
        // H = diag(2, 3); s₁ = (1, 0), y₁ = (2, 0); s₂ = (0, 1), y₂ = (0, 3): H(1, 1) = (2, 3) exactly.
        var pairs = new[] { (new float[] { 1, 0 }, new float[] { 2, 0 }), (new float[] { 0, 1 }, new float[] { 0, 3 }) };
        Assert.Equal(new[] { 2.0, 3.0 }, LbfgsHessianProduct.Estimate(pairs, new float[] { 1, 1 }), Tolerance);
    }

    [Fact]
    public void Estimate_RandomSymmetricHessian_MeetsTheLatestSecantCondition()
    {
        var rng = new Random(5);
        const int d = 6;
        var a = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                a[i, j] = rng.NextDouble() - 0.5;
            }
        }

        // H = AᵀA + I (symmetric positive definite); yⱼ = H sⱼ for three random sⱼ.
        double H(int i, int j) => Enumerable.Range(0, d).Sum(k => a[k, i] * a[k, j]) + (i == j ? 1 : 0);
        var pairs = Enumerable.Range(0, 3).Select(_ =>
        {
            var s = Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
            var y = Enumerable.Range(0, d).Select(i => (float)Enumerable.Range(0, d).Sum(j => H(i, j) * s[j])).ToArray();
            return (s, y);
        }).ToArray();
        // BFGS's update B_m is built so that B_m s_m = y_m (the latest pair; earlier ones hold only in special cases).
        var (sm, ym) = pairs[^1];
        var hs = LbfgsHessianProduct.Estimate(pairs, sm);
        for (int i = 0; i < d; i++)
        {
            Assert.Equal(ym[i], hs[i], 1e-4);
        }
    }

    [Fact]
    public void Estimate_NoPair_IsZero()
    {
        Assert.Equal(new[] { 0.0, 0.0 }, LbfgsHessianProduct.Estimate(Array.Empty<(float[], float[])>(), new float[] { 1, 1 }));
    }

    private static readonly Comparer Tolerance = new();

    private sealed class Comparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
