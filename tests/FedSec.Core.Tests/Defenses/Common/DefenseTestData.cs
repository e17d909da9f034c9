using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Common;

/// <summary>Builders for the filtering and reweighting defense tests: contexts, layouts with buffers, seeded updates.</summary>
internal static class DefenseTestData
{
    public static ParameterLayout Flat(int d) =>
        new(new[] { ("w", (IReadOnlyList<long>)new long[] { d }, ParameterKind.Trainable) });

    /// <summary>A layout of a trainable tensor of <paramref name="trainable"/> elements followed by a buffer.</summary>
    public static ParameterLayout WithBuffer(int trainable, int buffer) => new(new[]
    {
        ("w", (IReadOnlyList<long>)new long[] { trainable }, ParameterKind.Trainable),
        ("bn.running_var", (IReadOnlyList<long>)new long[] { buffer }, ParameterKind.Buffer),
    });

    public static RoundContext Context(
        float[] global,
        IEnumerable<int> sampled,
        ParameterLayout? layout = null,
        int round = 0,
        long seed = 1,
        Func<float[]>? serverTrainer = null,
        IEnumerable<int>? malicious = null,
        List<ServerTrainingLength>? asked = null) => new()
        {
            Round = round,
            TotalRounds = 10,
            Global = global,
            Layout = layout ?? Flat(global.Length),
            SampledClients = sampled.Order().ToArray(),
            MaliciousClients = new HashSet<int>(malicious ?? Array.Empty<int>()),
            Seeds = new SeedStreams(seed),
            TotalClients = sampled.Count(),
            ServerTrainer = serverTrainer is null ? null : length =>
            {
                asked?.Add(length);
                return new ServerTraining(serverTrainer(), null);
            },
        };

    /// <summary>Updates whose weights are global + the given deltas, client ids 0.. in order, 10 samples each.</summary>
    public static ClientUpdate[] FromDeltas(float[] global, IReadOnlyList<float[]> deltas) =>
        deltas.Select((d, i) => new ClientUpdate(i, 10, global.Zip(d, (g, x) => g + x).ToArray())).ToArray();

    /// <summary>A vector of N(mean, sd²) draws.</summary>
    public static float[] Gaussian(Random rng, int d, double mean = 0, double sd = 1) =>
        Enumerable.Range(0, d).Select(_ => (float)(mean + (sd * rng.NextGaussian()))).ToArray();

    /// <summary>x + noise·N(0, 1) per element.</summary>
    public static float[] Jitter(Random rng, float[] x, double noise) =>
        x.Select(v => (float)(v + (noise * rng.NextGaussian()))).ToArray();

    public static float[] Delta(ClientUpdate u, float[] global) => u.Weights.Zip(global, (w, g) => w - g).ToArray();

    public static double Norm(float[] x) => Math.Sqrt(x.Sum(v => (double)v * v));
}
