using FedSec.Parameters;
using FedSec.Randomness;

namespace FedSec.Stages;

/// <summary>What an attack's side sees at the start of a round, before any client trains (<see cref="IDirectsClients"/>).</summary>
public sealed class RoundStart
{
    /// <summary>Zero-based round index.</summary>
    public required int Round { get; init; }

    /// <summary>The global model the round's clients start from (read it, do not change it).</summary>
    public required ReadOnlyMemory<float> Global { get; init; }

    /// <summary>The layout of <see cref="Global"/>.</summary>
    public required ParameterLayout Layout { get; init; }

    /// <summary>The malicious clients through which the attack acts this round, in sampling order.</summary>
    public required IReadOnlyList<int> Malicious { get; init; }

    /// <summary>The experiment's seeded random streams.</summary>
    public required SeedStreams Seeds { get; init; }

    /// <summary>
    /// The stream the round's server-side stages get for <paramref name="purpose"/>
    /// (<see cref="RoundContext.Random(string, int)"/>): the same numbers, drawn from the start.
    /// </summary>
    public Random Random(string purpose) => Seeds.Random(purpose, Round, SeedStreams.None);
}
