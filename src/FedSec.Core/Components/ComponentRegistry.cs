using FedSec.Configuration;
namespace FedSec.Components;

/// <summary>
/// The attacks and defenses an experiment can name. Not a singleton: each experiment (or test) builds its own,
/// usually from <c>Setup.BuiltInComponents.CreateRegistry</c>, and a user adds components with <see cref="Register(ComponentDescriptor)"/>.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<(ComponentKind, string), ComponentDescriptor> _components = new();
    private readonly List<ExtensionDescriptor> _extensions = new();

    /// <summary>Registers a component; a name may be registered once per kind, and every default it declares must pass its own validation.</summary>
    public ComponentRegistry Register(ComponentDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        foreach (var p in descriptor.Parameters)
        {
            if (!p.DefaultIsValid(out string error))
            {
                throw new InvalidOperationException($"The {descriptor.Kind.ToString().ToLowerInvariant()} '{descriptor.Name}' declares {p.Key} with the default {p.DefaultText}, which its own validation refuses: {error}");
            }
        }

        var key = (descriptor.Kind, Normalize(descriptor.Name));
        if (!_components.TryAdd(key, descriptor))
        {
            throw new InvalidOperationException($"A {descriptor.Kind.ToString().ToLowerInvariant()} named '{descriptor.Name}' is registered already.");
        }

        return this;
    }

    /// <summary>Registers a section of its own (<c>dp_args</c>, ...); a section may be registered once, and every default it declares must pass its own validation.</summary>
    public ComponentRegistry Register(ExtensionDescriptor extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        foreach (var p in extension.Parameters)
        {
            if (!p.DefaultIsValid(out string error))
            {
                throw new InvalidOperationException($"The section '{extension.Section}' declares {p.Key} with the default {p.DefaultText}, which its own validation refuses: {error}");
            }
        }

        if (_extensions.Any(e => e.Section == extension.Section) || ConfigSections.All.Contains(extension.Section))
        {
            throw new InvalidOperationException($"The section '{extension.Section}' is registered already.");
        }

        _extensions.Add(extension);
        return this;
    }

    /// <summary>The sections of their own, in registration order.</summary>
    public IReadOnlyList<ExtensionDescriptor> Extensions => _extensions;

    /// <summary>Finds a component by kind and name (case and '-' vs '_' ignored).</summary>
    public bool TryGet(ComponentKind kind, string name, out ComponentDescriptor descriptor) =>
        _components.TryGetValue((kind, Normalize(name)), out descriptor!);

    /// <summary>The components of one kind, by name.</summary>
    public IReadOnlyList<ComponentDescriptor> OfKind(ComponentKind kind) =>
        _components.Values.Where(d => d.Kind == kind).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Every registered component.</summary>
    public IReadOnlyList<ComponentDescriptor> All => _components.Values.OrderBy(d => d.Kind).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray();

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');
}
