using FedSec.Configuration.Parameters;

namespace FedSec.Configuration;

/// <summary>
/// A key as a run used it: its value after parsing and defaults, in canonical text (<see cref="IParameter.CanonicalText"/>).
/// A run's identity (its run key) is the set of its settings that differ from their defaults, so a value written
/// differently, or a default written out, is the same run.
/// </summary>
/// <param name="Key">The key with the section it was read for, e.g. <c>train_args.comm_round</c> or <c>defense_args.krum_param_m</c>.</param>
/// <param name="Text">The value's canonical text.</param>
/// <param name="IsDefault">Whether the value is the key's default.</param>
public sealed record ResolvedSetting(string Key, string Text, bool IsDefault)
{
    /// <summary>The setting of <paramref name="parameter"/> read for <paramref name="section"/> with <paramref name="value"/>.</summary>
    public static ResolvedSetting Of(IParameter parameter, string section, object? value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        string text = parameter.CanonicalText(value);
        return new ResolvedSetting($"{section}.{parameter.Key}", text, text == parameter.CanonicalText(parameter.DefaultValue));
    }
}
