namespace FedSec.Simulation;

/// <summary>A defense's detection outcome against the known malicious clients: flagged vs truly malicious.</summary>
/// <param name="TruePositives">Malicious and flagged.</param>
/// <param name="FalsePositives">Honest but flagged.</param>
/// <param name="FalseNegatives">Malicious but not flagged.</param>
/// <param name="TrueNegatives">Honest and not flagged.</param>
public sealed record DetectionCounts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>No clients.</summary>
    public static DetectionCounts Zero { get; } = new(0, 0, 0, 0);

    /// <summary>TP / (TP + FP); NaN when nothing was flagged.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); NaN when no client was malicious.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Adds two counts.</summary>
    public DetectionCounts Add(DetectionCounts o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(TruePositives + o.TruePositives, FalsePositives + o.FalsePositives, FalseNegatives + o.FalseNegatives, TrueNegatives + o.TrueNegatives);
    }
}
