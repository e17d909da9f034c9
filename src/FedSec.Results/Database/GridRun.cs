namespace FedSec.Results.Database;

/// <summary>One run of a grid: its identity and where it sits in the grid.</summary>
/// <param name="RunKey">16 hex characters: a hash of the fully resolved config and seed.</param>
/// <param name="Label">Human-readable, e.g. <c>attack=byzantine_random defense=krum seed=0</c>.</param>
/// <param name="Axes">
/// Every grid axis of the run: always <c>attack</c> (the attack variant's label, <c>none</c> for no attack),
/// <c>defense</c> (<c>none</c> for no defense) and <c>seed</c>, plus one per other varying key.
/// </param>
/// <param name="Seed">The experiment seed.</param>
/// <param name="ConfigYaml">The fully resolved configuration.</param>
public sealed record GridRun(string RunKey, string Label, IReadOnlyDictionary<string, string> Axes, long Seed, string ConfigYaml);
