namespace FedSec.Configuration.Parameters;

/// <summary>A free-text key (a path, a name).</summary>
public sealed class StringParameter : Parameter<string>
{
    /// <summary>Declares the key.</summary>
    public StringParameter(string key, string @default, string description)
        : base(key, @default, description)
    {
    }

    /// <inheritdoc />
    public override string TypeText => "text";

    /// <inheritdoc />
    public override bool TryParse(object raw, out string value, out string error)
    {
        if (raw is string s)
        {
            value = s;
            error = string.Empty;
            return true;
        }

        value = Default;
        error = $"{Show(raw)} is not a single value; expected text.";
        return false;
    }
}
