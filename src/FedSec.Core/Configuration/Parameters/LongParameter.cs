using System.Globalization;

namespace FedSec.Configuration.Parameters;

/// <summary>A 64-bit integer key with optional inclusive bounds (e.g. a seed).</summary>
public sealed class LongParameter : Parameter<long>
{
    /// <summary>Declares the key.</summary>
    public LongParameter(string key, long @default, string description, long min = long.MinValue, long max = long.MaxValue)
        : base(key, @default, description)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Smallest allowed value.</summary>
    public long Min { get; }

    /// <summary>Largest allowed value.</summary>
    public long Max { get; }

    /// <inheritdoc />
    public override string TypeText => (Min, Max) switch
    {
        (long.MinValue, long.MaxValue) => "int",
        (_, long.MaxValue) => $"int ≥ {Min}",
        (long.MinValue, _) => $"int ≤ {Max}",
        _ => $"int in [{Min}, {Max}]",
    };

    /// <inheritdoc />
    public override bool TryParse(object raw, out long value, out string error)
    {
        value = Default;
        if (raw is not string s || !long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
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
    public override bool Accepts(long value, out string error)
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
