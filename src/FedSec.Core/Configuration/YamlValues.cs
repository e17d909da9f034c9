using YamlDotNet.RepresentationModel;

namespace FedSec.Configuration;

/// <summary>
/// Turns YAML nodes into configuration values: scalars stay text exactly as written (typing is the parameters' job,
/// so that an error can say what was written), YAML's nulls become null, sequences lists, mappings dictionaries.
/// </summary>
internal static class YamlValues
{
    /// <summary>The value of a node.</summary>
    public static object? ToValue(YamlNode node, string sourceName, List<ConfigProblem> problems)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return IsNull(scalar) ? null : scalar.Value ?? string.Empty;
            case YamlSequenceNode sequence:
                return sequence.Children.Select(c => ToValue(c, sourceName, problems)).ToList();
            case YamlMappingNode mapping:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in mapping.Children)
                {
                    if (KeyText(k, sourceName, problems) is { } key)
                    {
                        dict[key] = ToValue(v, sourceName, problems);
                    }
                }

                return dict;
            default:
                return null;
        }
    }

    /// <summary>The text of a mapping key, or null (with a problem recorded) when the key is not a plain value.</summary>
    public static string? KeyText(YamlNode key, string sourceName, List<ConfigProblem> problems)
    {
        if (key is YamlScalarNode { Value: { } text } scalar && !IsNull(scalar))
        {
            return text;
        }

        problems.Add(new ConfigProblem(Where(key, sourceName), "a key must be a plain name such as comm_round, not a list, a mapping or empty."));
        return null;
    }

    /// <summary>YAML's null: an empty plain value, <c>~</c> or <c>null</c> (quoted text is never null).</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary><c>file:line</c> of a node.</summary>
    public static string Where(YamlNode node, string sourceName) => $"{sourceName}:{node.Start.Line}";

    /// <summary>What a node is, for messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"the value '{s.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}
