using System.Text.Json.Serialization;
using FedSec.Configuration;
using FedSec.Simulation;

namespace FedSec.Output;

/// <summary>The summary of a run (<c>summary.json</c>).</summary>
public sealed record RunSummary
{
    /// <summary>The experiment seed.</summary>
    public required long Seed { get; init; }

    /// <summary>Data set name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>Attack name, or "none".</summary>
    public required string Attack { get; init; }

    /// <summary>Defense names in order, or empty.</summary>
    public required IReadOnlyList<string> Defenses { get; init; }

    /// <summary>Rounds run (for a diverged run, up to and including the diverged round).</summary>
    public required int Rounds { get; init; }

    /// <summary>Completed or diverged; a summary written before the status existed reads as completed.</summary>
    public RunStatus Status { get; init; } = RunStatus.Completed;

    /// <summary>Where the run diverged (round, stage, client, reason); null when it completed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Divergence? Diverged { get; init; }

    /// <summary>Rounds whose aggregation failed and kept the previous global model (see <see cref="RoundRecord.Failure"/>).</summary>
    public int FailedRounds { get; init; }

    /// <summary>The fixed malicious identities.</summary>
    public required IReadOnlyList<int> MaliciousClients { get; init; }

    /// <summary>The last evaluated test accuracy (for a diverged run, that of the diverged round).</summary>
    public double? FinalAccuracy { get; init; }

    /// <summary>The best evaluated test accuracy.</summary>
    public double? BestAccuracy { get; init; }

    /// <summary>The last evaluated test loss.</summary>
    public double? FinalLoss { get; init; }

    /// <summary>A language model's last evaluated test perplexity; absent (null) for classifiers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FinalPerplexity { get; init; }

    /// <summary>The last round's extra metrics.</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Detection per before/on-aggregation defense.</summary>
    public IReadOnlyList<DefenseDetectionSummary> Detection { get; init; } = Array.Empty<DefenseDetectionSummary>();

    /// <summary>
    /// Each defense's memory: the state it kept at the end and at most, and its largest scratch of a round; absent
    /// (null) without defenses.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DefenseMemorySummary>? DefenseMemory { get; init; }

    /// <summary>
    /// The fingerprint of the data set the run was made on (SHA-256 of the whole set as loaded, <see cref="Data.DataFingerprint"/>);
    /// absent when unknown.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataFingerprint { get; init; }

    /// <summary>
    /// The tensor threads the run's training ran on (<c>fedsec run --threads</c>): its numbers depend on it. Absent when
    /// unknown (a distributed server's nodes choose their own).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TensorThreads { get; init; }

    /// <summary>
    /// The FedSec build that made the run (<see cref="FedSecBuild.Current"/>: version and commit). Absent in summaries
    /// written before builds were recorded.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Build { get; init; }

    /// <summary>
    /// The machine the run's training ran on (<see cref="FedSecMachine.Current"/>: processor, vector level, pinning
    /// settings): the last digits depend on it. Absent when unknown (a distributed run's clients train elsewhere).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Machine { get; init; }

    /// <summary>Total wall time in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Builds the summary of a finished run.</summary>
    public static RunSummary From(ExperimentConfig config, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(result);
        var evaluated = result.Rounds.Where(r => r.Accuracy.HasValue).ToArray();
        return new RunSummary
        {
            Seed = config.RandomSeed,
            Dataset = config.Dataset,
            Model = config.Model,
            Attack = config.EnableAttack ? config.AttackType ?? "none" : "none",
            Defenses = config.EnableDefense ? config.DefenseTypes : Array.Empty<string>(),
            Rounds = result.Rounds.Count,
            FailedRounds = result.Rounds.Count(r => r.Failure is not null),
            Status = result.Status,
            Diverged = result.Diverged,
            MaliciousClients = result.MaliciousIdentities,
            FinalAccuracy = result.FinalAccuracy,
            BestAccuracy = evaluated.Length == 0 ? null : evaluated.Max(r => r.Accuracy),
            FinalLoss = evaluated.LastOrDefault()?.Loss,
            FinalPerplexity = evaluated.LastOrDefault()?.Perplexity,
            FinalMetrics = evaluated.LastOrDefault()?.Metrics ?? new Dictionary<string, double>(),
            Detection = result.DetectionByDefense()
                .Select(kv => new DefenseDetectionSummary(kv.Key, kv.Value.TruePositives, kv.Value.FalsePositives, kv.Value.FalseNegatives, kv.Value.TrueNegatives, kv.Value.Precision, kv.Value.Recall))
                .ToArray(),
            DefenseMemory = DefenseMemorySummary.Of(result.Rounds),
            DataFingerprint = result.DataFingerprint,
            Build = FedSecBuild.Current,
            Seconds = result.Rounds.Sum(r => r.Seconds),
        };
    }
}
