namespace FedSec.Configuration.Parameters;

/// <summary>
/// A key whose value is one of a fixed set of words (compared without case), parsed once into an enum: code
/// downstream switches on <typeparamref name="TEnum"/>, never on the words. A word may be an alias of another
/// value's (FedML's <c>FedOpt</c> means <c>FedAdam</c>); a value's canonical word is the first declared for it.
/// </summary>
/// <typeparam name="TEnum">The choices.</typeparam>
public sealed class ChoiceParameter<TEnum> : Parameter<TEnum>
    where TEnum : struct, Enum
{
    private readonly (string Word, TEnum Value)[] _words;

    /// <summary>Declares the key and its words; every value of <typeparamref name="TEnum"/> needs one, and the default must be one of them.</summary>
    public ChoiceParameter(string key, TEnum @default, string description, params (string Word, TEnum Value)[] words)
        : base(key, @default, description)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (!words.Any(w => w.Value.Equals(value)))
            {
                throw new ArgumentException($"{key}: {typeof(TEnum).Name}.{value} has no word.", nameof(words));
            }
        }
    }

    /// <summary>The words, in declared order.</summary>
    public IReadOnlyList<string> Words => _words.Select(w => w.Word).ToArray();

    /// <inheritdoc />
    public override string TypeText => string.Join(" | ", Words);

    /// <inheritdoc />
    public override bool TryParse(object raw, out TEnum value, out string error)
    {
        value = Default;
        if (raw is string s)
        {
            foreach (var (word, v) in _words)
            {
                if (string.Equals(word, s.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    value = v;
                    error = string.Empty;
                    return true;
                }
            }
        }

        error = $"{Show(raw)} is not allowed; expected one of {TypeText}.";
        return false;
    }

    /// <inheritdoc />
    public override string Canonical(TEnum value) => Word(value);

    /// <inheritdoc />
    public override string DefaultText => Word(Default);

    /// <summary>The canonical word of a value (as FedML writes it).</summary>
    public string Word(TEnum value)
    {
        foreach (var (word, v) in _words)
        {
            if (v.Equals(value))
            {
                return word;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{Key} has no word for {value}.");
    }
}
