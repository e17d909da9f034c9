namespace FedSec.Components;

/// <summary>
/// The entry point of a plugin assembly: attacks and defenses written in a project of your own, which
/// <c>fedsec run --plugin MyComponents.dll</c> (or a configuration's top-level <c>plugins:</c> list) loads. FedSec
/// creates one instance of every public, non-abstract class implementing it (with a parameterless constructor) and
/// calls <see cref="Register"/>; the configuration may then name what it registered.
/// </summary>
public interface IFedSecPlugin
{
    /// <summary>Registers the plugin's components (a name already registered is an error naming both).</summary>
    void Register(ComponentRegistry registry);
}
