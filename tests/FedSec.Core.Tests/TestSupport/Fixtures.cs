using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>Small builders shared by the Core tests.</summary>
internal static class Fixtures
{
    public static ParameterLayout FlatLayout(int d) =>
        new(new[] { ("w", (IReadOnlyList<long>)new long[] { d }, ParameterKind.Trainable) });

    public static ClientUpdate Update(int id, params float[] weights) => new(id, 10, weights);

    public static RoundContext Context(float[] global, IEnumerable<int> sampled, IEnumerable<int>? malicious = null, int round = 0, long seed = 1) => new()
    {
        Round = round,
        TotalRounds = 10,
        Global = global,
        Layout = FlatLayout(global.Length),
        SampledClients = sampled.ToArray(),
        MaliciousClients = new HashSet<int>(malicious ?? Array.Empty<int>()),
        Seeds = new SeedStreams(seed),
        TotalClients = sampled.Count(),
    };

    public static ComponentArgs Args(ExperimentShape shape, string section, params (string Key, object? Value)[] values)
    {
        var ns = new ConfigNamespace();
        foreach (var (k, v) in values)
        {
            ns.Set(section, k, v, "test");
        }

        return new ComponentArgs(ns, section, shape, new List<ConfigProblem>());
    }
}
