using FedSec.Randomness;

namespace FedSec.Stages;

/// <summary>What a client-side component (a data-poisoning attack) sees: round, client and seeded streams.</summary>
public sealed class ClientContext
{
    /// <summary>Zero-based round index.</summary>
    public required int Round { get; init; }

    /// <summary>The client's identity.</summary>
    public required int ClientId { get; init; }

    /// <summary>The experiment's seeded random streams.</summary>
    public required SeedStreams Seeds { get; init; }

    /// <summary>A random stream for (purpose, this round, this client).</summary>
    public Random Random(string purpose) => Seeds.Random(purpose, Round, ClientId);
}
