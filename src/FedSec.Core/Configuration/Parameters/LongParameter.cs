namespace FedSec.Configuration.Parameters;

/// <summary>A 64-bit integer key with optional inclusive bounds (e.g. a seed).</summary>
public sealed class LongParameter : IntegerParameter<long>
{
    /// <summary>Declares the key.</summary>
    public LongParameter(string key, long @default, string description, long min = long.MinValue, long max = long.MaxValue)
        : base(key, @default, description, min, max, defaultText: null)
    {
    }
}
