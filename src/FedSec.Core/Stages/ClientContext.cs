using FedSec.Parameters;
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

    /// <summary>
    /// The attack's malicious identities: the fixed ones of the experiment, or this round's under per-round selection.
    /// Lets an attack tell its clients apart (DBA gives the k-th attacker the k-th part of the trigger).
    /// </summary>
    public IReadOnlySet<int> MaliciousClients { get; init; } = new HashSet<int>();

    /// <summary>
    /// The global model this client received and starts its local training from, for a malicious client's attack that
    /// adapts to it (A3FL and IBA optimise their trigger against it); empty where the engine gives none (benign
    /// clients, local stages after training).
    /// </summary>
    public ReadOnlyMemory<float> GlobalModel { get; init; }

    /// <summary>
    /// The layout of <see cref="GlobalModel"/>, for an attack that works on named layers (3DFed asks for the curvature
    /// of its indicator layer); null where the engine gives no global model.
    /// </summary>
    public ParameterLayout? Layout { get; init; }

    /// <summary>
    /// What the attacker's side told this malicious client to do this round (<see cref="IDirectsClients"/>; 3DFed: train
    /// the decoy of this rank), or null: train as the attack always has its clients train.
    /// </summary>
    public int? Directive { get; init; }

    /// <summary>A random stream for (purpose, this round, this client).</summary>
    public Random Random(string purpose) => Seeds.Random(purpose, Round, ClientId);
}
