using FedSec.Components;
using FedSec.Configuration;
namespace FedSec.Setup;

/// <summary>A validated configuration with its attack and defense instances created, and the warnings to show.</summary>
/// <param name="Config">The validated settings.</param>
/// <param name="Attack">The attack instance, or null when no attack is enabled.</param>
/// <param name="Defenses">The defense instances in configured order (empty when none is enabled).</param>
/// <param name="Warnings">One line per FedML key that does not apply here, and similar notices.</param>
public sealed record ExperimentSetup(ExperimentConfig Config, object? Attack, IReadOnlyList<object> Defenses, IReadOnlyList<string> Warnings);
