namespace FedSec.Configuration.Parameters;

/// <summary>A configuration key a component reads, as shown by <c>fedsec list</c> and checked by validation.</summary>
public interface IParameter
{
    /// <summary>The key in FedML's vocabulary, e.g. <c>krum_param_m</c>.</summary>
    string Key { get; }

    /// <summary>The kind of value, e.g. <c>int ≥ 1</c> or <c>zero | random | flip</c>.</summary>
    string TypeText { get; }

    /// <summary>The default, as text for people (e.g. <c>last round</c>); never hashed or parsed.</summary>
    string DefaultText { get; }

    /// <summary>What it means.</summary>
    string Description { get; }

    /// <summary>Whether a configuration that uses the component must set the key (its default is then only a placeholder).</summary>
    bool Required { get; }

    /// <summary>The default value itself (the typed <c>Default</c> of <see cref="Parameter{T}"/>).</summary>
    object? DefaultValue { get; }

    /// <summary>
    /// Whether the default passes the key's own validation (its bounds, its choices); a default that does not is a
    /// bug in the declaration, which the registry and the tests report.
    /// </summary>
    bool DefaultIsValid(out string error);

    /// <summary>
    /// The canonical text of a value of this key (the value a read returned): the same value always gives the same text,
    /// whatever way it was written (<c>0.10</c> and <c>0.1</c>, <c>Hetero</c> and <c>hetero</c>). Run keys hash it.
    /// </summary>
    string CanonicalText(object? value);
}
