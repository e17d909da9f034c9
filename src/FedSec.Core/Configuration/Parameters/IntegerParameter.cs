using System.Globalization;
using System.Numerics;

namespace FedSec.Configuration.Parameters;

/// <summary>A whole-number key with optional inclusive bounds; <see cref="IntParameter"/> and <see cref="LongParameter"/> are its two widths.</summary>
/// <typeparam name="T">The integer type.</typeparam>
public abstract class IntegerParameter<T> : Parameter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly string? _defaultText;

    /// <summary>Declares the key; <paramref name="defaultText"/> replaces the default in listings when the number itself says little (e.g. "last round").</summary>
    protected IntegerParameter(string key, T @default, string description, T min, T max, string? defaultText)
        : base(key, @default, description)
    {
        Min = min;
        Max = max;
        _defaultText = defaultText;
    }

    /// <summary>Smallest allowed value.</summary>
    public T Min { get; }

    /// <summary>Largest allowed value.</summary>
    public T Max { get; }

    /// <inheritdoc />
    public override string DefaultText => _defaultText ?? base.DefaultText;

    /// <inheritdoc />
    public override string TypeText => (Min == T.MinValue, Max == T.MaxValue) switch
    {
        (true, true) => "int",
        (false, true) => $"int ≥ {Min}",
        (true, false) => $"int ≤ {Max}",
        _ => $"int in [{Min}, {Max}]",
    };

    /// <inheritdoc />
    public override bool TryParse(object raw, out T value, out string error)
    {
        value = Default;
        if (raw is not string s || !T.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            error = $"{Show(raw)} is not a whole number; expected {TypeText}.";
            return false;
        }

        if (!Accepts(v, out error))
        {
            return false;
        }

        value = v;
        return true;
    }

    /// <inheritdoc />
    public override bool Accepts(T value, out string error)
    {
        if (value < Min || value > Max)
        {
            error = $"{value} is out of range; expected {TypeText}.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
