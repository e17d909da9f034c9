namespace FedSec.Aggregation;

/// <summary>
/// Adds i.i.d. N(0, σ²) noise to a vector, in fixed blocks that each draw from their own stream (given by the caller,
/// derived from the experiment seed), so that the noise is the same whatever the thread count.
/// </summary>
internal static class GaussianNoise
{
    /// <summary>Elements per random stream.</summary>
    public const int Block = 1 << 16;

    /// <summary>x ← x + σ·N(0, 1) element-wise; block b draws from <paramref name="streamForBlock"/>(b).</summary>
    public static void AddTo(float[] x, double stddev, Func<int, Random> streamForBlock)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(streamForBlock);
        if (!(stddev >= 0) || !double.IsFinite(stddev))
        {
            throw new ArgumentOutOfRangeException(nameof(stddev), stddev, "The noise standard deviation must be a finite non-negative number.");
        }

        if (stddev == 0)
        {
            return;
        }

        int blocks = (x.Length + Block - 1) / Block;
        var streams = new Random[blocks];
        for (int b = 0; b < blocks; b++)
        {
            streams[b] = streamForBlock(b);
        }

        Parallel.For(0, blocks, b =>
        {
            var rng = streams[b];
            int start = b * Block, end = Math.Min(x.Length, start + Block);
            for (int j = start; j < end; j += 2)
            {
                // Box–Muller: both outputs of a pair are used.
                double radius = stddev * Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble()));
                double angle = 2.0 * Math.PI * rng.NextDouble();
                x[j] += (float)(radius * Math.Cos(angle));
                if (j + 1 < end)
                {
                    x[j + 1] += (float)(radius * Math.Sin(angle));
                }
            }
        });
    }
}
