using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Common;

/// <summary>
/// A real-valued key whose absence means "derive it" (ALIE's z from its formula, model replacement's γ = n/η):
/// null when unset, otherwise a finite number within the bounds.
/// </summary>
public sealed class OptionalDoubleParameter : Parameter<double?>
{
    private readonly DoubleParameter _inner;
    private readonly string _defaultText;

    /// <summary>Declares the key; <paramref name="defaultText"/> says what is used when it is unset.</summary>
    public OptionalDoubleParameter(
        string key,
        string defaultText,
        string description,
        double min = double.NegativeInfinity,
        double max = double.PositiveInfinity,
        bool minExclusive = false)
        : base(key, null, description)
    {
        _inner = new DoubleParameter(key, 0, description, min, max, minExclusive);
        _defaultText = defaultText;
    }

    /// <inheritdoc />
    public override string TypeText => _inner.TypeText;

    /// <inheritdoc />
    public override string DefaultText => _defaultText;

    /// <inheritdoc />
    public override bool TryParse(object raw, out double? value, out string error)
    {
        if (_inner.TryParse(raw, out var v, out error))
        {
            value = v;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Reads the key: null when unset or invalid (an invalid value is reported through <paramref name="args"/>).</summary>
    public double? Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Get(this);
    }
}
