namespace FedSec.Configuration.Parameters;

/// <summary>
/// A key whose absence means "derived" (ALIE's z from its formula, m-Krum's m = n − 2f − 2, CRFL's schedule from
/// the data set): the value is null when the key is unset, otherwise a value <see cref="Inner"/> accepts. Its default
/// is null, so an options class that declares its property from it says "derived" in one place.
/// </summary>
/// <typeparam name="T">The value's type when set.</typeparam>
public sealed class OptionalParameter<T> : Parameter<T?>
    where T : struct
{
    private readonly string _defaultText;

    /// <summary>Declares the key from the parser of its set values; <paramref name="defaultText"/> says what is used when it is unset.</summary>
    public OptionalParameter(Parameter<T> inner, string defaultText)
        : base(inner?.Key ?? throw new ArgumentNullException(nameof(inner)), null, inner.Description)
    {
        Inner = inner;
        _defaultText = defaultText;
    }

    /// <summary>The parser and validation of a set value.</summary>
    public Parameter<T> Inner { get; }

    /// <inheritdoc />
    public override string TypeText => Inner.TypeText;

    /// <inheritdoc />
    public override string DefaultText => _defaultText;

    /// <inheritdoc />
    public override bool TryParse(object raw, out T? value, out string error)
    {
        if (Inner.TryParse(raw, out var v, out error))
        {
            value = v;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public override bool Accepts(T? value, out string error)
    {
        if (value is { } v)
        {
            return Inner.Accepts(v, out error);
        }

        error = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override string Canonical(T? value) => value is { } v ? Inner.Canonical(v) : "derived";
}
