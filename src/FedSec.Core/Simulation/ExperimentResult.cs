using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>What a run produced.</summary>
/// <param name="Rounds">One record per round.</param>
/// <param name="FinalGlobal">
/// The final global model; for a diverged run, the non-finite model its last round evaluated (the new global model,
/// or the local model of the client whose training diverged).
/// </param>
/// <param name="Layout">Its layout.</param>
/// <param name="MaliciousIdentities">The fixed malicious identities.</param>
public sealed record ExperimentResult(IReadOnlyList<RoundRecord> Rounds, float[] FinalGlobal, ParameterLayout Layout, IReadOnlyList<int> MaliciousIdentities)
{
    /// <summary>Where the run diverged, or null when it completed every round.</summary>
    public Divergence? Diverged { get; init; }

    /// <summary>The fingerprint of the data set the run was made on (<see cref="Data.DataFingerprint"/>), or null when unknown.</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>Completed, or diverged (then the last round is the diverged one).</summary>
    public RunStatus Status => Diverged is null ? RunStatus.Completed : RunStatus.Diverged;

    /// <summary>The last evaluated accuracy (for a diverged run, that of its diverged last round).</summary>
    public double? FinalAccuracy => Rounds.LastOrDefault(r => r.Accuracy.HasValue)?.Accuracy;

    /// <summary>Detection counts summed over rounds, per defense name.</summary>
    public IReadOnlyDictionary<string, DetectionCounts> DetectionByDefense()
    {
        var sums = new Dictionary<string, DetectionCounts>();
        foreach (var r in Rounds)
        {
            foreach (var d in r.Defenses)
            {
                if (d.Verdicts.Count == 0)
                {
                    continue;
                }

                sums[d.Name] = sums.TryGetValue(d.Name, out var s) ? s.Add(d.Detection) : d.Detection;
            }
        }

        return sums;
    }
}
