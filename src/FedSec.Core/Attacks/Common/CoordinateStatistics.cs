namespace FedSec.Attacks.Common;

/// <summary>Coordinate-wise mean and standard deviation of a set of vectors, accumulated in double.</summary>
internal static class CoordinateStatistics
{
    /// <summary>μⱼ = (1/n) Σᵢ xᵢⱼ.</summary>
    public static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            throw new ArgumentException("The mean of no vectors is undefined.", nameof(vectors));
        }

        int d = vectors[0].Length;
        var sum = new double[d];
        foreach (var v in vectors)
        {
            for (int j = 0; j < d; j++)
            {
                sum[j] += v[j];
            }
        }

        var mean = new float[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = (float)(sum[j] / vectors.Count);
        }

        return mean;
    }

    /// <summary>
    /// The sample standard deviation σⱼ = √(Σᵢ (xᵢⱼ − μⱼ)² / (n − 1)), as <c>torch.std</c> computes it in the
    /// reference implementations of ALIE and Min-Max; 0 for a single vector.
    /// </summary>
    public static float[] StandardDeviation(IReadOnlyList<float[]> vectors, ReadOnlySpan<float> mean)
    {
        int n = vectors.Count, d = mean.Length;
        var std = new float[d];
        if (n < 2)
        {
            return std;
        }

        var sq = new double[d];
        foreach (var v in vectors)
        {
            for (int j = 0; j < d; j++)
            {
                double e = v[j] - (double)mean[j];
                sq[j] += e * e;
            }
        }

        for (int j = 0; j < d; j++)
        {
            std[j] = (float)Math.Sqrt(sq[j] / (n - 1));
        }

        return std;
    }

    /// <summary>‖x‖₂ in double.</summary>
    public static double Norm(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += (double)v * v;
        }

        return Math.Sqrt(s);
    }
}
