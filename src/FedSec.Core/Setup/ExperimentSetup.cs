using FedSec.Configuration;

namespace FedSec.Setup;

/// <summary>A validated configuration with its attack and defense instances created, and the warnings to show.</summary>
/// <param name="Config">The validated engine settings.</param>
/// <param name="Attack">The attack, or null when no attack is enabled.</param>
/// <param name="Defenses">The defenses in configured order (empty when none is enabled).</param>
/// <param name="Warnings">One line per FedML key that does not apply here, and similar notices.</param>
public sealed record ExperimentSetup(ExperimentConfig Config, ConfiguredAttack? Attack, IReadOnlyList<ConfiguredDefense> Defenses, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Every key the run uses with its resolved value: the engine's keys, the names of the attack and the defenses, and
    /// each component's keys (<see cref="ResolvedSetting"/>). A run's identity is the part of it that differs from the defaults.
    /// </summary>
    public IReadOnlyList<ResolvedSetting> Settings { get; init; } = Array.Empty<ResolvedSetting>();

    /// <summary>The components sections of their own added (<c>dp_args</c>, ...), in registration order.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ConfiguredExtension> Extensions { get; init; } = Array.Empty<ConfiguredExtension>();

    /// <summary>The attack, the defenses' and the extensions' instances, attack first.</summary>
    public IEnumerable<Stages.IComponent> Components =>
        (Attack is null ? Enumerable.Empty<Stages.IComponent>() : [Attack.Instance]).Concat(Defenses.Select(d => d.Instance)).Concat(Extensions.Select(e => e.Instance));
}
