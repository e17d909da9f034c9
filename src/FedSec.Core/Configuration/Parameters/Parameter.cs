using System.Globalization;

namespace FedSec.Configuration.Parameters;

/// <summary>
/// A typed configuration key with a default and a parser that says what is allowed. The default is declared here
/// once; an options class initialises its property from <see cref="Default"/>, never from a literal of its own.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public abstract class Parameter<T> : IParameter
{
    /// <summary>Declares the key, its default and its meaning.</summary>
    protected Parameter(string key, T @default, string description)
    {
        Key = key;
        Default = @default;
        Description = description;
    }

    /// <inheritdoc />
    public string Key { get; }

    /// <summary>The value used when the key is not set.</summary>
    public T Default { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    object? IParameter.DefaultValue => Default;

    /// <inheritdoc />
    /// <value>The default value is false.</value>
    public bool Required { get; init; }

    /// <inheritdoc />
    public abstract string TypeText { get; }

    /// <inheritdoc />
    public virtual string DefaultText => Format(Default);

    /// <summary>Parses a raw value (string, list or dictionary from YAML or the command line) and checks it with <see cref="Accepts"/>.</summary>
    public abstract bool TryParse(object raw, out T value, out string error);

    /// <summary>Whether a typed value is allowed (bounds, choices); the parser checks every value it reads with it.</summary>
    public virtual bool Accepts(T value, out string error)
    {
        error = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public bool DefaultIsValid(out string error) => Accepts(Default, out error);

    /// <summary>The canonical text of a value (see <see cref="IParameter.CanonicalText"/>).</summary>
    public virtual string Canonical(T value) => Format(value);

    /// <inheritdoc />
    string IParameter.CanonicalText(object? value) => value switch
    {
        T t => Canonical(t),
        null when default(T) is null => Canonical(default!),
        _ => throw new ArgumentException($"{Key} holds values of type {typeof(T).Name}, not {value?.GetType().Name ?? "null"}.", nameof(value)),
    };

    /// <summary>Formats a value for messages, listings and run keys: numbers round-trip exactly (<c>0.1</c>, <c>1E-05</c>).</summary>
    protected static string Format(object? v) => v switch
    {
        null => "(none)",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable e when v is not string => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>The raw value as written, for messages.</summary>
    protected static string Show(object raw) => raw is string s ? $"'{s}'" : Format(raw);
}
