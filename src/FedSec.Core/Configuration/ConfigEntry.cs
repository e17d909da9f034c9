namespace FedSec.Configuration;

/// <summary>
/// One key of a configuration with its raw value: a string for a scalar, a list for a sequence,
/// a dictionary for a mapping, null for an empty value.
/// </summary>
/// <param name="Section">The section it was written under, e.g. <c>train_args</c>.</param>
/// <param name="Key">The key, e.g. <c>comm_round</c>.</param>
/// <param name="Value">The raw value.</param>
/// <param name="Source">Where it came from, e.g. <c>config.yaml:12</c> or <c>--set</c>.</param>
public sealed record ConfigEntry(string Section, string Key, object? Value, string Source)
{
    /// <summary>The key as written in messages: <c>section.key</c>.</summary>
    public string QualifiedKey => $"{Section}.{Key}";
}
