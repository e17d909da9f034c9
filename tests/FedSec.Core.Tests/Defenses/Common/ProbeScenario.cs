using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Common;

/// <summary>
/// Rounds of the <see cref="FakeProbe"/> model for the probing defenses: honest updates move every output neuron a
/// little (a shared direction, N(0, 0.05²) per element, plus N(0, 0.02²) noise of their own, on the encoder and the
/// output layer alike, as clients training on one distribution do); a backdoor update pushes the
/// output layer toward one target label only (its row and bias + 0.5) and barely touches the other labels.
/// </summary>
internal static class ProbeScenario
{
    public const int Inputs = 6;
    public const int Hidden = 5;
    public const int Classes = 8;

    public static FakeProbe Probe() => new(Inputs, Hidden, Classes);

    public static float[] Global(FakeProbe probe, int seed) => DefenseTestData.Gaussian(new Random(seed), probe.Layout.Length, 0, 0.5);

    /// <summary>Updates of clients 0.. n−1; the last <paramref name="attackers"/> are backdoor updates.</summary>
    public static ClientUpdate[] Updates(FakeProbe probe, float[] global, int seed, int n, int attackers)
    {
        var rng = new Random(seed + 1000);
        var layout = probe.Layout;
        var enc = layout["enc.weight"];
        var shared = DefenseTestData.Gaussian(rng, enc.Length, 0, 0.1);
        var sharedOutput = DefenseTestData.Gaussian(rng, Classes * (Hidden + 1), 0, 0.05);
        var updates = new ClientUpdate[n];
        for (int i = 0; i < n; i++)
        {
            var delta = new float[layout.Length];
            bool backdoor = i >= n - attackers;
            for (int j = 0; j < enc.Length; j++)
            {
                delta[enc.Offset + j] = shared[j] + (float)(0.02 * rng.NextGaussian());
            }

            var fw = layout["fc.weight"];
            var fb = layout["fc.bias"];
            for (int c = 0; c < Classes; c++)
            {
                bool target = backdoor && c == 0;
                for (int h = 0; h <= Hidden; h++)
                {
                    float honest = sharedOutput[(c * (Hidden + 1)) + h] + (float)(0.02 * rng.NextGaussian());
                    float value = target ? 0.5f : backdoor ? (float)(0.001 * rng.NextGaussian()) : honest;
                    delta[h < Hidden ? fw.Offset + (c * Hidden) + h : fb.Offset + c] = value;
                }
            }

            updates[i] = new ClientUpdate(i, 10 + i, global.Zip(delta, (g, d) => g + d).ToArray());
        }

        return updates;
    }

    /// <summary>A round's context over <paramref name="probe"/>'s layout, with the probe and optional server samples.</summary>
    public static RoundContext Context(FakeProbe? probe, ParameterLayout layout, float[] global, int n, ImageSet? samples = null, long seed = 1) => new()
    {
        Round = 0,
        TotalRounds = 10,
        Global = global,
        Layout = layout,
        SampledClients = Enumerable.Range(0, n).ToArray(),
        MaliciousClients = new HashSet<int>(),
        Seeds = new SeedStreams(seed),
        TotalClients = n,
        Probe = probe,
        ServerSamples = samples,
    };

    /// <summary><paramref name="count"/> uniform random samples of the fake model's input shape.</summary>
    public static ImageSet Samples(int count, int seed)
    {
        var rng = new Random(seed);
        var pixels = Enumerable.Range(0, count * Inputs).Select(_ => rng.NextSingle()).ToArray();
        return new ImageSet(pixels, new int[count], 1, 1, Inputs, Classes);
    }
}
