namespace FedSec.Results.Database;

/// <summary>Everything in a results database, runs ordered by label, rows by run and round.</summary>
/// <param name="Runs">The finished runs.</param>
/// <param name="Rounds">Their rounds.</param>
/// <param name="Detection">Detection per run and defense (<see cref="StoredDetection.Round"/> null).</param>
/// <param name="RoundDetection">Detection per run, round and defense.</param>
/// <param name="Reconstructions">Reconstructions of data-reconstruction attacks.</param>
public sealed record StoredResults(
    IReadOnlyList<StoredRun> Runs,
    IReadOnlyList<StoredRound> Rounds,
    IReadOnlyList<StoredDetection> Detection,
    IReadOnlyList<StoredDetection> RoundDetection,
    IReadOnlyList<StoredReconstruction> Reconstructions);
