using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>One value of a grid axis: its label and the configuration entries it sets.</summary>
/// <param name="Label">How the value appears in run labels, tables and plots (a variant's name, or the value itself).</param>
/// <param name="Assignments">The entries to set over the base configuration.</param>
public sealed record GridChoice(string Label, IReadOnlyList<ConfigEntry> Assignments)
{
    /// <summary>For one candidate of a tuned variant (<see cref="GridTuning"/>): the variant's name; else null.</summary>
    public string? Family { get; init; }

    /// <summary>For one candidate of a tuned variant: its values, e.g. <c>beta=0.1</c> (the run's <c>tune</c> axis); else null.</summary>
    public string? Tuning { get; init; }
}
