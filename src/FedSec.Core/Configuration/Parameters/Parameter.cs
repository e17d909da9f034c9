using System.Globalization;

namespace FedSec.Configuration.Parameters;

/// <summary>A typed configuration key with a default and a parser that says what is allowed.</summary>
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
    public abstract string TypeText { get; }

    /// <inheritdoc />
    public virtual string DefaultText => Format(Default);

    /// <summary>Parses a raw value (string, list or dictionary from YAML or the command line).</summary>
    public abstract bool TryParse(object raw, out T value, out string error);

    /// <summary>Formats a value for messages and listings.</summary>
    protected static string Format(object? v) => v switch
    {
        null => "(none)",
        double d => d.ToString("G", CultureInfo.InvariantCulture),
        float f => f.ToString("G", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable e when v is not string => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>The raw value as written, for messages.</summary>
    protected static string Show(object raw) => raw is string s ? $"'{s}'" : Format(raw);
}
