namespace FedSec.Core.Tests.Data;

/// <summary>Properties every partition must have, and label-skew measures, computed independently of the partitioners.</summary>
internal static class PartitionChecks
{
    /// <summary>Asserts that the parts together hold 0..n−1, each exactly once.</summary>
    public static void CoversExactlyOnce(int[][] parts, int n)
    {
        var seen = new int[n];
        foreach (int[] part in parts)
        {
            foreach (int i in part)
            {
                Assert.InRange(i, 0, n - 1);
                seen[i]++;
            }
        }

        Assert.All(seen, count => Assert.Equal(1, count));
    }

    /// <summary>Labels with <paramref name="perClass"/> samples of each class, interleaved (0, 1, ..., k−1, 0, 1, ...).</summary>
    public static int[] BalancedLabels(int classCount, int perClass) =>
        Enumerable.Range(0, classCount * perClass).Select(i => i % classCount).ToArray();

    /// <summary>Mean over clients of the total-variation distance between the client's label distribution and the global one.</summary>
    public static double MeanTotalVariation(int[][] parts, int[] labels, int classCount)
    {
        var global = Distribution(Enumerable.Range(0, labels.Length).ToArray(), labels, classCount);
        return parts.Average(part =>
        {
            var local = Distribution(part, labels, classCount);
            return 0.5 * local.Zip(global, (a, b) => Math.Abs(a - b)).Sum();
        });
    }

    private static double[] Distribution(int[] indices, int[] labels, int classCount)
    {
        var d = new double[classCount];
        foreach (int i in indices)
        {
            d[labels[i]] += 1.0 / indices.Length;
        }

        return d;
    }
}
