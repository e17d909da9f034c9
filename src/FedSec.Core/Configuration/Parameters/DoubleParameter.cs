using System.Globalization;

namespace FedSec.Configuration.Parameters;

/// <summary>A real-valued key with optional bounds (inclusive unless said otherwise); never NaN or infinite.</summary>
public sealed class DoubleParameter : Parameter<double>
{
    /// <summary>Declares the key.</summary>
    public DoubleParameter(
        string key,
        double @default,
        string description,
        double min = double.NegativeInfinity,
        double max = double.PositiveInfinity,
        bool minExclusive = false,
        bool maxExclusive = false)
        : base(key, @default, description)
    {
        Min = min;
        Max = max;
        MinExclusive = minExclusive;
        MaxExclusive = maxExclusive;
    }

    /// <summary>Lower bound.</summary>
    public double Min { get; }

    /// <summary>Upper bound.</summary>
    public double Max { get; }

    /// <summary>Whether the lower bound itself is excluded.</summary>
    public bool MinExclusive { get; }

    /// <summary>Whether the upper bound itself is excluded.</summary>
    public bool MaxExclusive { get; }

    /// <inheritdoc />
    public override string TypeText
    {
        get
        {
            bool lo = !double.IsNegativeInfinity(Min), hi = !double.IsPositiveInfinity(Max);
            string l = Format(Min), h = Format(Max);
            if (lo && hi)
            {
                return $"number in {(MinExclusive ? "(" : "[")}{l}, {h}{(MaxExclusive ? ")" : "]")}";
            }

            if (lo)
            {
                return $"number {(MinExclusive ? ">" : "≥")} {l}";
            }

            return hi ? $"number {(MaxExclusive ? "<" : "≤")} {h}" : "number";
        }
    }

    /// <inheritdoc />
    public override bool TryParse(object raw, out double value, out string error)
    {
        value = Default;
        if (raw is not string s || !double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            error = $"{Show(raw)} is not a finite number; expected {TypeText}.";
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
    public override bool Accepts(double value, out string error)
    {
        bool below = MinExclusive ? value <= Min : value < Min;
        bool above = MaxExclusive ? value >= Max : value > Max;
        if (below || above || double.IsNaN(value))
        {
            error = $"{Format(value)} is out of range; expected {TypeText}.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
