namespace FedSec.Randomness;

/// <summary>
/// Derives every random stream of an experiment from (experiment seed, purpose, round, client), so that
/// the same config and seed give the same numbers whatever the order or the thread that asks.
/// </summary>
/// <param name="Seed">The experiment seed (<c>common_args.random_seed</c>).</param>
public readonly record struct SeedStreams(long Seed)
{
    /// <summary>Marks a stream that belongs to no particular round or client.</summary>
    public const int None = -1;

    /// <summary>A 64-bit seed for the stream (purpose, round, client).</summary>
    public ulong Derive(string purpose, int round = None, int client = None)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ulong h = Mix((ulong)Seed ^ 0x9E3779B97F4A7C15UL);
        foreach (char c in purpose)
        {
            h = Mix(h ^ c);
        }

        h = Mix(h ^ (ulong)(uint)round ^ 0x5851F42D4C957F2DUL);
        h = Mix(h ^ ((ulong)(uint)client << 1) ^ 0x14057B7EF767814FUL);
        return h;
    }

    /// <summary>A 32-bit seed for the stream, e.g. for <c>torch.manual_seed</c>.</summary>
    public int DeriveInt(string purpose, int round = None, int client = None) =>
        (int)(Derive(purpose, round, client) & 0x7FFFFFFF);

    /// <summary>A fresh <see cref="System.Random"/> for the stream; deterministic across runs and platforms.</summary>
    public Random Random(string purpose, int round = None, int client = None) =>
        new(DeriveInt(purpose, round, client));

    private static ulong Mix(ulong z)
    {
        // SplitMix64 finaliser.
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
