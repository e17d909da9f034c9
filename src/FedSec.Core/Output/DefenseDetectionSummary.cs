namespace FedSec.Output;

/// <summary>A defense's detection over the whole run.</summary>
/// <param name="Defense">The defense's name.</param>
/// <param name="TruePositives">Malicious and flagged, summed over rounds.</param>
/// <param name="FalsePositives">Honest but flagged.</param>
/// <param name="FalseNegatives">Malicious but not flagged.</param>
/// <param name="TrueNegatives">Honest and not flagged.</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Recall">TP / (TP + FN).</param>
public sealed record DefenseDetectionSummary(string Defense, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, double Precision, double Recall);
