using FedSec.Parameters;
using static TorchSharp.torch;

namespace FedSec.Bench;

/// <summary>
/// The n × d matrix the aggregation benchmarks share: a seeded global model and n client models around it, as
/// <see cref="ClientUpdate"/>s (the arrays the defenses read) and as one n × d TorchSharp tensor (for X·Xᵀ). Building
/// it takes seconds at n = 100, d = 2 000 000 (800 MB, twice), so the last one built is kept and reused by every
/// benchmark case of the same (n, d): BenchmarkDotNet runs the cases of one parameter set one after another.
/// </summary>
internal sealed class AggregationMatrix : IDisposable
{
    private const int Seed = 4;

    /// <summary>Half-width of the uniform noise of each client around the global model (σ ≈ 0.0115).</summary>
    private const float Spread = 0.02f;

    private static readonly object Gate = new();
    private static AggregationMatrix? _current;

    private AggregationMatrix(int n, int d)
    {
        N = n;
        D = d;
        var global = new float[d];
        Fill(global, new Random(Seed), 0, 0.1f);
        var updates = new ClientUpdate[n];
        Parallel.For(0, n, i =>
        {
            var w = new float[d];
            Fill(w, new Random((Seed * 1000) + 1 + i), global, Spread);
            updates[i] = new ClientUpdate(i, 100 + i, w);
        });

        Global = global;
        Updates = updates;
        Vectors = updates.Select(u => u.Weights).ToArray();
        Layout = new ParameterLayout([("w", new long[] { d }, ParameterKind.Trainable)]);
        var flat = new float[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            Vectors[i].CopyTo(flat, (long)i * d);
        }

        Tensor = tensor(flat, [n, d]);
    }

    public int N { get; }

    public int D { get; }

    public float[] Global { get; }

    public ClientUpdate[] Updates { get; }

    public float[][] Vectors { get; }

    public ParameterLayout Layout { get; }

    /// <summary>The same rows as one contiguous n × d float32 tensor.</summary>
    public Tensor Tensor { get; }

    /// <summary>The matrix for (n, d): the cached one when it matches, else a new one (the old one is released first).</summary>
    public static AggregationMatrix For(int n, int d)
    {
        lock (Gate)
        {
            if (_current is { } m && m.N == n && m.D == d)
            {
                return m;
            }

            _current?.Dispose();
            _current = null;
            GC.Collect();
            _current = new AggregationMatrix(n, d);

            // The staging copy for the tensor is garbage now: collect it here, not inside the first timed case.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return _current;
        }
    }

    public void Dispose() => Tensor.Dispose();

    private static void Fill(float[] target, Random rng, float center, float halfWidth)
    {
        for (int j = 0; j < target.Length; j++)
        {
            target[j] = center + (halfWidth * ((2 * rng.NextSingle()) - 1));
        }
    }

    private static void Fill(float[] target, Random rng, float[] center, float halfWidth)
    {
        for (int j = 0; j < target.Length; j++)
        {
            target[j] = center[j] + (halfWidth * ((2 * rng.NextSingle()) - 1));
        }
    }
}
