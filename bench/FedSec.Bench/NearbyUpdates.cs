using FedSec.Parameters;

namespace FedSec.Bench;

/// <summary>A random global model and n client updates within ±0.005 of it (client i with 10 + i samples): aggregation cost depends on n and d, not on the values.</summary>
internal static class NearbyUpdates
{
    public static (float[] Global, ClientUpdate[] Updates) Create(int clients, int dimension, int seed = 1)
    {
        var rng = new Random(seed);
        var global = Enumerable.Range(0, dimension).Select(_ => (float)rng.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, clients)
            .Select(i => new ClientUpdate(i, 10 + i, global.Select(g => g + (float)((rng.NextDouble() - 0.5) * 0.01)).ToArray()))
            .ToArray();
        return (global, updates);
    }
}
