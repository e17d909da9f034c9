namespace FedSec.Core.Tests.Aggregation;

/// <summary>Random matrices and straightforward reference computations for the aggregation kernel tests.</summary>
internal static class AggregationTestData
{
    public static float[][] Random(int n, int d, int seed, double scale = 1.0)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => (float)((rng.NextDouble() * 2 - 1) * scale)).ToArray()).ToArray();
    }

    public static float[] Column(IReadOnlyList<float[]> vectors, int j) => vectors.Select(v => v[j]).ToArray();

    /// <summary>The vectors in another order.</summary>
    public static float[][] Permuted(IReadOnlyList<float[]> vectors, int seed)
    {
        var rng = new Random(seed);
        var order = Enumerable.Range(0, vectors.Count).OrderBy(_ => rng.Next()).ToArray();
        return order.Select(i => vectors[i]).ToArray();
    }

    /// <summary>Honest vectors near 1 and <paramref name="f"/> attackers at ±1e6, the attackers listed first.</summary>
    public static float[][] WithHugeAttackers(int n, int f, int d, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(i => Enumerable.Range(0, d)
            .Select(_ => i < f ? (float)(rng.Next(2) == 0 ? 1e6 : -1e6) : 1f + (float)(rng.NextDouble() * 0.2 - 0.1)).ToArray()).ToArray();
    }
}
