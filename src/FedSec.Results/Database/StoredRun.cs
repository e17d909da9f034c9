using FedSec.Simulation;

namespace FedSec.Results.Database;

/// <summary>A run as stored in <c>results.db</c>.</summary>
/// <param name="RunKey">The run's key.</param>
/// <param name="Label">Its human-readable label.</param>
/// <param name="Axes">Its grid axes (always attack, defense and seed).</param>
/// <param name="Seed">The experiment seed.</param>
/// <param name="ConfigYaml">The fully resolved configuration.</param>
/// <param name="RunDirectory">Its output directory, relative to the database's directory.</param>
/// <param name="Dataset">Data set name.</param>
/// <param name="Model">Model name.</param>
/// <param name="Rounds">Rounds run.</param>
/// <param name="FinalAccuracy">Last evaluated test accuracy.</param>
/// <param name="BestAccuracy">Best evaluated test accuracy.</param>
/// <param name="FinalLoss">Last evaluated test loss.</param>
/// <param name="FinalMetrics">The last evaluated round's extra metrics.</param>
/// <param name="RunSeconds">Sum of the rounds' wall times.</param>
/// <param name="WallSeconds">The whole run's wall time as the runner measured it.</param>
/// <param name="FinishedAt">When it was stored (UTC, ISO 8601).</param>
public sealed record StoredRun(
    string RunKey,
    string Label,
    IReadOnlyDictionary<string, string> Axes,
    long Seed,
    string ConfigYaml,
    string RunDirectory,
    string Dataset,
    string Model,
    int Rounds,
    double? FinalAccuracy,
    double? BestAccuracy,
    double? FinalLoss,
    IReadOnlyDictionary<string, double> FinalMetrics,
    double RunSeconds,
    double WallSeconds,
    string FinishedAt)
{
    /// <summary>Completed or diverged (stored runs from before the status existed read as completed).</summary>
    public RunStatus Status { get; init; } = RunStatus.Completed;

    /// <summary>Where a diverged run diverged (zero-based round, stage, client, reason); null for a completed run.</summary>
    public Divergence? Diverged { get; init; }

    /// <summary>
    /// The bytes the run's defenses kept across rounds after its last round, summed over the defense chain
    /// (<c>summary.json</c>'s <c>defense_memory</c>); null without defenses or for a run stored before it was recorded.
    /// </summary>
    public long? DefenseStateBytes { get; init; }

    /// <summary>The most each defense kept after any round, summed over the chain; null as <see cref="DefenseStateBytes"/>.</summary>
    public long? DefensePeakStateBytes { get; init; }

    /// <summary>
    /// Each defense's largest scratch of a round (allocated bytes, a measurement: see <see cref="DefenseMemory"/>), summed over
    /// the chain; null as <see cref="DefenseStateBytes"/>.
    /// </summary>
    public long? DefensePeakAllocatedBytes { get; init; }

    /// <summary>The last evaluated test perplexity of a language model (<c>runs.final_perplexity</c>); null for image runs.</summary>
    public double? FinalPerplexity { get; init; }

    /// <summary>The fingerprint of the data set the run was made on (<see cref="FedSec.Data.DataFingerprint"/>); null for runs stored before it was recorded.</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>The tensor threads its training ran on (<c>--threads</c>; the numbers depend on it); null when unknown or not recorded.</summary>
    public int? TensorThreads { get; init; }

    /// <summary>The FedSec build (version and commit, <see cref="FedSec.Output.FedSecBuild"/>) that made the run; null for runs stored before it was recorded.</summary>
    public string? Build { get; init; }

    /// <summary>The machine its training ran on (<see cref="FedSec.Output.FedSecMachine"/>); null when unknown or not recorded.</summary>
    public string? Machine { get; init; }

    /// <summary>
    /// Each axis value's position in the grid file (<see cref="GridAxisOrder"/>), for the report's order; empty for a
    /// database written before the order was stored.
    /// </summary>
    public IReadOnlyDictionary<string, int> AxisRanks { get; init; } = new Dictionary<string, int>();

    /// <summary>The attack axis (<c>none</c> for no attack).</summary>
    public string Attack => Axes["attack"];

    /// <summary>The defense axis (<c>none</c> for no defense).</summary>
    public string Defense => Axes["defense"];
}
