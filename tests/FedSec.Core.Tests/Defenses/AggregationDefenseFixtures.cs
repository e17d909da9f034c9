using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses;

/// <summary>Builders for the tests of the aggregation rules, clipping and noise defenses.</summary>
internal static class AggregationDefenseFixtures
{
    /// <summary>A layout of <paramref name="trainable"/> trainable elements followed by <paramref name="buffers"/> buffer elements.</summary>
    public static ParameterLayout BufferLayout(int trainable, int buffers) => new(new (string, IReadOnlyList<long>, ParameterKind)[]
    {
        ("w", new long[] { trainable }, ParameterKind.Trainable),
        ("bn.running_mean", new long[] { buffers }, ParameterKind.Buffer),
    });

    public static RoundContext Context(float[] global, int clients, int round = 0, int totalRounds = 10, ParameterLayout? layout = null, long seed = 1, RoundBuffers? buffers = null) => new()
    {
        Buffers = buffers ?? new RoundBuffers(),
        Round = round,
        TotalRounds = totalRounds,
        Global = global,
        Layout = layout ?? Fixtures.FlatLayout(global.Length),
        SampledClients = Enumerable.Range(0, clients).ToArray(),
        MaliciousClients = new HashSet<int>(),
        Seeds = new SeedStreams(seed),
        TotalClients = clients,
    };

    public static ClientUpdate[] Updates(params float[][] weights) => weights.Select((w, i) => Fixtures.Update(i, w)).ToArray();

    /// <summary>Creates a component from its descriptor with the given defense_args; asserts the values are accepted.</summary>
    public static T Create<T>(ComponentDescriptor descriptor, int clientsPerRound, params (string Key, object? Value)[] values)
    {
        var args = Fixtures.Args(new ExperimentShape(clientsPerRound, clientsPerRound, 20), "defense_args", values);
        var created = descriptor.Create(args);
        Assert.Empty(args.Problems);
        return Assert.IsAssignableFrom<T>(created);
    }

    /// <summary>The problems reading the options reports.</summary>
    public static IReadOnlyList<ConfigProblem> Problems(Action<ComponentArgs> read, int clientsPerRound, params (string Key, object? Value)[] values)
    {
        var args = Fixtures.Args(new ExperimentShape(clientsPerRound, clientsPerRound, 20), "defense_args", values);
        read(args);
        return args.Problems;
    }
}
