using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;

namespace FedSec.Stages;

/// <summary>
/// What the server-side components see in a round: the round index, the global model the clients started
/// from, the layout, the sampled and the malicious client identities, and the experiment's seeded streams.
/// Components keep their own cross-round state (FoolsGold's history, CClip's previous aggregate): the
/// experiment owns each component instance, so that state is per experiment.
/// </summary>
public sealed class RoundContext
{
    /// <summary>Zero-based round index.</summary>
    public required int Round { get; init; }

    /// <summary>Number of rounds of the experiment (<c>comm_round</c>).</summary>
    public required int TotalRounds { get; init; }

    /// <summary>The global model at the start of the round (read-only).</summary>
    public required ReadOnlyMemory<float> Global { get; init; }

    /// <summary>How the flat vectors map to the model's tensors.</summary>
    public required ParameterLayout Layout { get; init; }

    /// <summary>The identities of the clients sampled this round, ascending.</summary>
    public required IReadOnlyList<int> SampledClients { get; init; }

    /// <summary>The malicious identities among <see cref="SampledClients"/> whose attack is active this round.</summary>
    public required IReadOnlySet<int> MaliciousClients { get; init; }

    /// <summary>The experiment's seeded random streams.</summary>
    public required SeedStreams Seeds { get; init; }

    /// <summary>Number of clients in the whole federation (<c>client_num_in_total</c>).</summary>
    public int TotalClients { get; init; }

    /// <summary>
    /// Trains the round's global model on the server's own small clean data set (FLTrust's root set) for the asked
    /// length and returns the result; null when the experiment has no server data set. A diverged training (<see cref="ServerTraining.Diverged"/>)
    /// must stop the defense that asked for it (return its outcome's <c>StoppedBy</c>).
    /// </summary>
    public Func<ServerTrainingLength, ServerTraining>? ServerTrainer { get; init; }

    /// <summary>
    /// Bytes of the server's own data set kept for <see cref="ServerTrainer"/> across the run (pixels as float32 and
    /// labels as int32): the state an <see cref="INeedsServerData"/> defense (FLTrust, AFLGuard) makes the server keep.
    /// 0 when there is none.
    /// </summary>
    public long ServerDataBytes { get; init; }

    /// <summary>
    /// Evaluates a weight vector on a batch of inputs (softmax outputs, penultimate representations) for the defenses that
    /// inspect models on server-side inputs (<see cref="INeedsModelProbe"/>); null when the backend cannot (a language model).
    /// </summary>
    public IModelProbe? Probe { get; init; }

    /// <summary>
    /// The small clean set the server holds out of the training data (<see cref="INeedsServerData"/>: FLTrust's root set,
    /// FLARE's auxiliary samples); null when the experiment holds none out.
    /// </summary>
    public ImageSet? ServerSamples { get; init; }

    /// <summary>
    /// The clean training data of a client, by identity. For measuring reconstruction quality only (comparing what a
    /// data-reconstruction attack recovered with what the client really had): an attack must not use it otherwise.
    /// Null when the engine does not provide it.
    /// </summary>
    public Func<int, ImageSet>? ClientData { get; init; }

    /// <summary>
    /// The run's output directory, where components may write artefacts (e.g. reconstructed images); null when the
    /// run writes no files, in which case components write nothing.
    /// </summary>
    public string? OutputDirectory { get; init; }

    /// <summary>
    /// Vectors the stages may return updates in, valid until the round's new global model is made (see
    /// <see cref="RoundBuffers"/>). The engine shares one across a run's rounds so their memory is reused; the default is
    /// a fresh one, which reuses nothing.
    /// </summary>
    public RoundBuffers Buffers { get; init; } = new();

    /// <summary>
    /// Per-round measurements the stages report (e.g. the privacy spent so far as <c>epsilon</c>); the engine adds them
    /// to the round's record (<c>RoundRecord.Metrics</c>) every round, evaluated or not. Written by one stage at a time.
    /// </summary>
    public IDictionary<string, double> Metrics { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// The model each update was trained from, by client identity, where that is not <see cref="Global"/>: FedAsync's
    /// stale updates, which the server mixes in as they are. Null (the default) when every update is relative to
    /// <see cref="Global"/> (synchronous runs, and FedBuff, whose updates are rebased on it).
    /// </summary>
    public IReadOnlyDictionary<int, float[]>? UpdateBases { get; init; }

    /// <summary>The model <paramref name="clientId"/>'s update was trained from: its entry in <see cref="UpdateBases"/>, else <see cref="Global"/>.</summary>
    public ReadOnlyMemory<float> UpdateBase(int clientId) =>
        UpdateBases is { } bases && bases.TryGetValue(clientId, out var model) ? model : Global;

    /// <summary>
    /// The aggregate (full model) the configured defenses would make of the given updates this round: the
    /// before-aggregation defenses, then the aggregation rule (FedAvg's weighted mean without one), leaving every
    /// defense's state as it was. Set by the engine for the model-poisoning attack, so that an attack may search against
    /// the defense in use (ByzFL's optimal ALIE and IPM); null elsewhere (offline aggregation, client-side stages).
    /// </summary>
    public Func<IReadOnlyList<ClientUpdate>, float[]>? DefendedAggregate { get; internal set; }

    /// <summary>
    /// How many of the round's clients have their update in the aggregate: those whose update reached the server, less
    /// any an aggregation protocol lost (secure aggregation's dropouts); a defense's removals are not subtracted. Set by
    /// the server before the aggregate's stages (<see cref="IAggregateStage"/>) run; null: every sampled client's did.
    /// DP-FedAvg divides by the sampled count all the same (McMahan et al.'s fixed-denominator estimator).
    /// </summary>
    public int? Arrived { get; internal set; }

    /// <summary>True when this is the last round of the experiment.</summary>
    public bool IsLastRound => Round == TotalRounds - 1;

    /// <summary>A random stream for (purpose, this round, client), deterministic for the experiment seed.</summary>
    public Random Random(string purpose, int client = SeedStreams.None) => Seeds.Random(purpose, Round, client);
}
