namespace FedSec.Configuration.Parameters;

/// <summary>A true/false key (YAML's true/false, yes/no, on/off).</summary>
public sealed class BoolParameter : Parameter<bool>
{
    /// <summary>Declares the key.</summary>
    public BoolParameter(string key, bool @default, string description)
        : base(key, @default, description)
    {
    }

    /// <inheritdoc />
    public override string TypeText => "true | false";

    /// <summary>Parses a YAML boolean.</summary>
    public static bool TryParseBool(string s, out bool value)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1":
                value = true;
                return true;
            case "false" or "no" or "off" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <inheritdoc />
    public override bool TryParse(object raw, out bool value, out string error)
    {
        if (raw is string s && TryParseBool(s, out value))
        {
            error = string.Empty;
            return true;
        }

        value = Default;
        error = $"{Show(raw)} is not a boolean; expected true or false.";
        return false;
    }
}
