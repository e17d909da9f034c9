using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>What one defense did in one round.</summary>
/// <param name="Name">The defense's configured name.</param>
/// <param name="Stage">Where in the round it acted.</param>
/// <param name="Verdicts">Its verdict per client (empty for after-aggregation defenses).</param>
/// <param name="Detection">Its flags against the clients that were malicious this round.</param>
public sealed record DefenseRoundReport(string Name, DefenseStage Stage, IReadOnlyList<ClientVerdict> Verdicts, DetectionCounts Detection);
