namespace FedSec.Configuration.Parameters;

/// <summary>A key whose value is one of a fixed set of words (compared without case).</summary>
public sealed class ChoiceParameter : Parameter<string>
{
    /// <summary>Declares the key and its allowed words; the default must be one of them.</summary>
    public ChoiceParameter(string key, string @default, string description, params string[] allowed)
        : base(key, @default, description)
    {
        Allowed = allowed;
    }

    /// <summary>The allowed words.</summary>
    public IReadOnlyList<string> Allowed { get; }

    /// <inheritdoc />
    public override string TypeText => string.Join(" | ", Allowed);

    /// <inheritdoc />
    public override bool TryParse(object raw, out string value, out string error)
    {
        value = Default;
        if (raw is string s)
        {
            var match = Allowed.FirstOrDefault(a => string.Equals(a, s.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                value = match;
                error = string.Empty;
                return true;
            }
        }

        error = $"{Show(raw)} is not allowed; expected one of {TypeText}.";
        return false;
    }
}
