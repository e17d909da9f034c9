using FedSec.Configuration;

namespace FedSec.Stages;

/// <summary>
/// A component that rules out other components of the same configuration (secure aggregation admits no defense that
/// reads individual updates). Asked once the whole configuration is bound; its problems are configuration errors.
/// </summary>
public interface IConstrainsSetup : IComponent
{
    /// <summary>The problems of this combination (each naming a key and what is allowed), or nothing.</summary>
    /// <param name="attack">The attack's name and instance, or null.</param>
    /// <param name="defenses">The defenses' names and instances, in order.</param>
    /// <param name="others">The other sections' components, by section.</param>
    IEnumerable<ConfigProblem> Check((string Name, IAttack Instance)? attack, IReadOnlyList<(string Name, IDefense Instance)> defenses, IReadOnlyList<(string Section, IComponent Instance)> others);
}
