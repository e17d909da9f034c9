using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>One value of a grid axis: its label and the configuration entries it sets.</summary>
/// <param name="Label">How the value appears in run labels, tables and plots (a variant's name, or the value itself).</param>
/// <param name="Assignments">The entries to set over the base configuration.</param>
public sealed record GridChoice(string Label, IReadOnlyList<ConfigEntry> Assignments);
