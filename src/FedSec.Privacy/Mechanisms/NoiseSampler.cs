namespace FedSec.Privacy.Mechanisms;

/// <summary>
/// Adds i.i.d. noise to a vector in fixed blocks of 65 536 elements, block b drawing from its own seeded stream (given by
/// the caller, derived from the experiment seed), so the noise is the same whatever the thread count. Gaussian by the
/// Box–Muller transform, Laplace by the inverse CDF; both in double precision. (Core's own Gaussian noise kernel is
/// internal to it; this one also draws Laplace noise.)
/// </summary>
internal static class NoiseSampler
{
    /// <summary>Elements per random stream.</summary>
    public const int Block = 1 << 16;

    /// <summary>x ← x + N(0, σ²) element-wise.</summary>
    public static void AddGaussian(Span<float> x, double stddev, Func<int, Random> streamForBlock) =>
        Add(x, stddev, streamForBlock, gaussian: true);

    /// <summary>x ← x + Laplace(0, b) element-wise (variance 2b²).</summary>
    public static void AddLaplace(Span<float> x, double scale, Func<int, Random> streamForBlock) =>
        Add(x, scale, streamForBlock, gaussian: false);

    private static void Add(Span<float> x, double scale, Func<int, Random> streamForBlock, bool gaussian)
    {
        ArgumentNullException.ThrowIfNull(streamForBlock);
        if (!(scale >= 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The noise scale must be a finite number ≥ 0.");
        }

        if (scale == 0)
        {
            return;
        }

        int blocks = (x.Length + Block - 1) / Block;
        var noise = new float[x.Length];
        var streams = new Random[blocks];
        for (int b = 0; b < blocks; b++)
        {
            streams[b] = streamForBlock(b);
        }

        Parallel.For(0, blocks, b =>
        {
            var rng = streams[b];
            int start = b * Block, end = Math.Min(noise.Length, start + Block);
            if (gaussian)
            {
                for (int j = start; j < end; j += 2)
                {
                    double radius = scale * Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble()));
                    double angle = 2.0 * Math.PI * rng.NextDouble();
                    noise[j] = (float)(radius * Math.Cos(angle));
                    if (j + 1 < end)
                    {
                        noise[j + 1] = (float)(radius * Math.Sin(angle));
                    }
                }
            }
            else
            {
                for (int j = start; j < end; j++)
                {
                    // NextDouble of .NET's seeded Random can be exactly 0 (about once in 2³¹ draws): u = −0.5 would give
                    // ln 0 = −∞. Drawing again keeps the stream as it was for every other draw.
                    double draw = rng.NextDouble();
                    while (draw == 0)
                    {
                        draw = rng.NextDouble();
                    }

                    double u = draw - 0.5;
                    noise[j] = (float)(-scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u))));
                }
            }
        });
        System.Numerics.Tensors.TensorPrimitives.Add(x, noise, x);
    }
}
