namespace FedSec.Configuration.Parameters;

/// <summary>An integer key with optional inclusive bounds.</summary>
public sealed class IntParameter : IntegerParameter<int>
{
    /// <summary>Declares the key; <paramref name="defaultText"/> replaces the default in listings when the number itself says little (e.g. "last round").</summary>
    public IntParameter(string key, int @default, string description, int min = int.MinValue, int max = int.MaxValue, string? defaultText = null)
        : base(key, @default, description, min, max, defaultText)
    {
    }
}
