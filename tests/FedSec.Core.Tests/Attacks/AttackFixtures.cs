using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks;

/// <summary>Builders shared by the attack tests.</summary>
internal static class AttackFixtures
{
    /// <summary>A layout of <paramref name="trainable"/> weights followed by <paramref name="buffers"/> buffer values.</summary>
    public static ParameterLayout LayoutWithBuffers(int trainable, int buffers) => new(new[]
    {
        ("w", (IReadOnlyList<long>)new long[] { trainable }, ParameterKind.Trainable),
        ("bn.running_mean", (IReadOnlyList<long>)new long[] { buffers }, ParameterKind.Buffer),
    });

    /// <summary>A round context over <paramref name="updates"/>' clients with an explicit layout.</summary>
    public static RoundContext Context(float[] global, IReadOnlyList<ClientUpdate> updates, IEnumerable<int> malicious, ParameterLayout? layout = null, int round = 0, long seed = 1) => new()
    {
        Round = round,
        TotalRounds = 10,
        Global = global,
        Layout = layout ?? TestSupport.Fixtures.FlatLayout(global.Length),
        SampledClients = updates.Select(u => u.ClientId).ToArray(),
        MaliciousClients = new HashSet<int>(malicious),
        Seeds = new SeedStreams(seed),
        TotalClients = updates.Count,
    };

    /// <summary>An update whose weights are G + <paramref name="delta"/>.</summary>
    public static ClientUpdate FromDelta(int id, float[] global, params float[] delta) =>
        new(id, 10, global.Zip(delta, (g, d) => g + d).ToArray());

    /// <summary>The delta of an update's weights against G, in double.</summary>
    public static double[] DeltaOf(ClientUpdate update, float[] global) =>
        update.Weights.Zip(global, (w, g) => (double)w - g).ToArray();

    /// <summary>
    /// <paramref name="count"/> single-channel images of <paramref name="size"/> × <paramref name="size"/> with distinct
    /// pixel values in [0, 0.9) and labels cycling through <paramref name="classes"/>.
    /// </summary>
    public static ImageSet Images(int count, int size = 6, int classes = 10, int channels = 1)
    {
        int per = channels * size * size;
        var pixels = new float[count * per];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (i % 900) / 1000f;
        }

        var labels = Enumerable.Range(0, count).Select(i => i % classes).ToArray();
        return new ImageSet(pixels, labels, channels, size, size, classes);
    }

    /// <summary>A client-side context.</summary>
    public static ClientContext Client(int id, int round = 0, long seed = 1, IEnumerable<int>? malicious = null) => new()
    {
        Round = round,
        ClientId = id,
        Seeds = new SeedStreams(seed),
        MaliciousClients = new HashSet<int>(malicious ?? new[] { id }),
    };
}
