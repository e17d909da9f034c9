namespace FedSec.Results.Database;

/// <summary>A defense's detection counts, over a whole run (<see cref="Round"/> null) or in one round.</summary>
/// <param name="RunKey">The run's key.</param>
/// <param name="Round">The round, or null for the run's total.</param>
/// <param name="Defense">The defense component's name.</param>
/// <param name="Stage">before or on (aggregation); null for a run's total.</param>
/// <param name="TruePositives">Malicious and flagged.</param>
/// <param name="FalsePositives">Honest but flagged.</param>
/// <param name="FalseNegatives">Malicious but not flagged.</param>
/// <param name="TrueNegatives">Honest and not flagged.</param>
/// <param name="Precision">TP / (TP + FP); null when nothing was flagged.</param>
/// <param name="Recall">TP / (TP + FN); null when no client was malicious.</param>
public sealed record StoredDetection(
    string RunKey,
    int? Round,
    string Defense,
    string? Stage,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int TrueNegatives,
    double? Precision,
    double? Recall);
