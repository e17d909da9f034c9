using System.Text.Json.Serialization;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>Everything measured in one round; one JSON line of <c>rounds.jsonl</c>.</summary>
public sealed record RoundRecord
{
    /// <summary>Zero-based round index.</summary>
    public required int Round { get; init; }

    /// <summary>
    /// Test accuracy of the new global model, when evaluated this round. In a diverged round (see <see cref="Diverged"/>),
    /// the accuracy of the non-finite model that stopped the run, measured like any other.
    /// </summary>
    public double? Accuracy { get; init; }

    /// <summary>Test loss of the new global model, when evaluated this round.</summary>
    public double? Loss { get; init; }

    /// <summary>
    /// A language model's test perplexity (e to <see cref="Loss"/>), when evaluated this round; absent (null) for
    /// classifiers, whose records are unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Perplexity { get; init; }

    /// <summary>Mean local training loss of the round's clients.</summary>
    public double TrainLoss { get; init; }

    /// <summary>Wall time of the round in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Clients sampled this round.</summary>
    public required IReadOnlyList<int> Sampled { get; init; }

    /// <summary>Whether the attack was active this round (round window and attack_prob).</summary>
    public bool AttackActive { get; init; }

    /// <summary>Clients whose attack acted this round (empty when the attack was inactive).</summary>
    public required IReadOnlyList<int> Attacked { get; init; }

    /// <summary>Each defense's verdicts and detection counts, in pipeline order.</summary>
    public IReadOnlyList<DefenseRoundReport> Defenses { get; init; } = Array.Empty<DefenseRoundReport>();

    /// <summary>
    /// Each defense's memory this round, in pipeline order: the bytes it keeps across rounds and its scratch (see
    /// <see cref="Simulation.DefenseMemory"/>); absent (null) when no defense ran, so records without defenses are
    /// unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DefenseMemory>? DefenseMemory { get; init; }

    /// <summary>What a data-reconstruction attack recovered this round.</summary>
    public IReadOnlyList<ReconstructionReport> Reconstructions { get; init; } = Array.Empty<ReconstructionReport>();

    /// <summary>Further metrics (attack success rate, per-class recall, ...), by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Why the round's aggregation failed (e.g. secure aggregation with too few survivors): the round kept the previous
    /// global model. Absent (null) when the round aggregated.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Failure { get; init; }

    /// <summary>
    /// The sampled clients left out of this round and why: in a distributed run those that did not report or were
    /// rejected, and in any run a malicious client whose own local training diverged; absent (null) when there is none
    /// in a simulation.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DroppedClient>? Dropped { get; init; }

    /// <summary>
    /// In a distributed run, where each of the attack's stages ran, by stage (<c>data_poisoning</c>,
    /// <c>local_training_constraint</c>, <c>model_poisoning</c>, <c>data_reconstruction</c>): <c>client</c> (the malicious
    /// client's own process) or <c>server</c>. Absent (null) in a simulation, where everything runs in one process, and
    /// without an attack.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? AttackRanAt { get; init; }

    /// <summary>
    /// In an asynchronous run (FedAsync, FedBuff), what this server step consumed: each update's client, staleness and
    /// the step it trained from, in sampling order; absent (null) in a synchronous run.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConsumedUpdate>? Consumed { get; init; }

    /// <summary>
    /// This record without its measurements, for comparing runs: <see cref="Seconds"/> 0 and each defense's
    /// <see cref="Simulation.DefenseMemory.AllocatedBytes"/> 0 (the state bytes, which are exact, stay).
    /// </summary>
    public RoundRecord WithoutTimings() => this with
    {
        Seconds = 0,
        DefenseMemory = DefenseMemory?.Select(m => m with { AllocatedBytes = 0 }).ToArray(),
    };

    /// <summary>Set in the last round of a diverged run: where the model became non-finite; absent (null) otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Divergence? Diverged { get; init; }
}
