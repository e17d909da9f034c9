using System.Globalization;

namespace FedSec.Configuration.Parameters;

/// <summary>An integer key with optional inclusive bounds.</summary>
public sealed class IntParameter : Parameter<int>
{
    private readonly string? _defaultText;

    /// <summary>Declares the key; <paramref name="defaultText"/> replaces the default in listings when the number itself says little (e.g. "last round").</summary>
    public IntParameter(string key, int @default, string description, int min = int.MinValue, int max = int.MaxValue, string? defaultText = null)
        : base(key, @default, description)
    {
        Min = min;
        Max = max;
        _defaultText = defaultText;
    }

    /// <summary>Smallest allowed value.</summary>
    public int Min { get; }

    /// <summary>Largest allowed value.</summary>
    public int Max { get; }

    /// <inheritdoc />
    public override string DefaultText => _defaultText ?? base.DefaultText;

    /// <inheritdoc />
    public override string TypeText => (Min, Max) switch
    {
        (int.MinValue, int.MaxValue) => "int",
        (_, int.MaxValue) => $"int ≥ {Min}",
        (int.MinValue, _) => $"int ≤ {Max}",
        _ => $"int in [{Min}, {Max}]",
    };

    /// <inheritdoc />
    public override bool TryParse(object raw, out int value, out string error)
    {
        value = Default;
        if (raw is not string s || !int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
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
    public override bool Accepts(int value, out string error)
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
