using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>What a run produced.</summary>
/// <param name="Rounds">One record per round.</param>
/// <param name="FinalGlobal">The final global model.</param>
/// <param name="Layout">Its layout.</param>
/// <param name="MaliciousIdentities">The fixed malicious identities.</param>
public sealed record ExperimentResult(IReadOnlyList<RoundRecord> Rounds, float[] FinalGlobal, ParameterLayout Layout, IReadOnlyList<int> MaliciousIdentities)
{
    /// <summary>The last evaluated accuracy.</summary>
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
