using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>One run of an expanded grid.</summary>
/// <param name="RunKey">16 hex digits of the SHA-256 of the run's resolved configuration (seed included).</param>
/// <param name="Label">Human-readable identity, e.g. <c>attack=byzantine defense=krum seed=0</c>.</param>
/// <param name="Axes">The run's place in the grid: always <c>attack</c>, <c>defense</c> and <c>seed</c>, plus one entry per other axis.</param>
/// <param name="Seed">The run's <c>random_seed</c>.</param>
/// <param name="Config">The run's configuration (the base with this combination's values set).</param>
public sealed record GridRunPlan(string RunKey, string Label, IReadOnlyDictionary<string, string> Axes, long Seed, ConfigNamespace Config)
{
    /// <summary>
    /// Other cells of the grid that are this same run (their configurations resolve to the same settings, e.g. no
    /// attack at 10 % and at 20 % attackers for a defense that does not read the count): it runs once and is stored
    /// in each (<c>ResultsDatabase.AddCell</c>).
    /// </summary>
    public IReadOnlyList<GridCell> OtherCells { get; init; } = Array.Empty<GridCell>();
}
