using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>A results database's rows looked up by run key.</summary>
internal sealed class ResultIndex
{
    public const string AttackSuccessRate = "attack_success_rate";

    public const string Epsilon = "epsilon";

    private readonly ILookup<string, StoredRound> _rounds;
    private readonly ILookup<string, StoredDetection> _detection;
    private readonly ILookup<string, StoredReconstruction> _reconstructions;

    public ResultIndex(StoredResults results, string directory)
    {
        Results = results;
        Directory = directory;
        _rounds = results.Rounds.ToLookup(r => r.RunKey, StringComparer.Ordinal);
        _detection = results.Detection.ToLookup(r => r.RunKey, StringComparer.Ordinal);
        _reconstructions = results.Reconstructions.ToLookup(r => r.RunKey, StringComparer.Ordinal);
    }

    public StoredResults Results { get; }

    /// <summary>The output directory the stored paths are relative to.</summary>
    public string Directory { get; }

    public IEnumerable<StoredRound> Rounds(StoredRun run) => _rounds[run.RunKey];

    /// <summary>Every run's rounds by run key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StoredRound>> RoundsByRun() =>
        _rounds.ToDictionary(g => g.Key, g => (IReadOnlyList<StoredRound>)g.ToArray(), StringComparer.Ordinal);

    public IEnumerable<StoredDetection> Detection(StoredRun run) => _detection[run.RunKey];

    public IEnumerable<StoredReconstruction> Reconstructions(StoredRun run) => _reconstructions[run.RunKey];

    public bool HasMetric(StoredRun run, string metric) => Rounds(run).Any(r => r.Metrics.ContainsKey(metric));

    /// <summary>The last round's value of <paramref name="metric"/> among the rounds that report it.</summary>
    public double? FinalMetric(StoredRun run, string metric) =>
        Rounds(run).Where(r => r.Metrics.ContainsKey(metric)).OrderBy(r => r.Round).Select(r => (double?)r.Metrics[metric]).LastOrDefault();
}
