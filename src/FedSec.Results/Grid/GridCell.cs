namespace FedSec.Results.Grid;

/// <summary>A place in a grid: its label and axes (see <see cref="GridRunPlan"/>).</summary>
/// <param name="Label">E.g. <c>attack=none defense=median malicious=20% seed=0</c>.</param>
/// <param name="Axes">The axis values.</param>
public sealed record GridCell(string Label, IReadOnlyDictionary<string, string> Axes);
