using System.Text;

namespace FedSec.Configuration;

/// <summary>Writes a configuration back as FedML-style YAML (what a run actually used, overrides included).</summary>
public static class ConfigYamlWriter
{
    /// <summary>The namespace as YAML, section by section in first-written order.</summary>
    public static string Write(ConfigNamespace config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sb = new StringBuilder();
        foreach (var plugins in config.Entries.Where(e => e.Section == ConfigSections.Plugins))
        {
            sb.Append(ConfigSections.Plugins).Append(": ").Append(Format(plugins.Value)).Append('\n');
        }

        foreach (var section in config.Entries.Select(e => e.Section).Where(s => s != ConfigSections.Plugins).Distinct(StringComparer.Ordinal))
        {
            sb.Append(section).Append(":\n");
            foreach (var e in config.Entries.Where(e => e.Section == section))
            {
                sb.Append("  ").Append(e.Key).Append(": ").Append(Format(e.Value)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>One value in YAML flow style, as it appears after <c>key: </c>.</summary>
    public static string FormatValue(object? value) => Format(value);

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => Scalar(s),
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => $"{Scalar(kv.Key)}: {Format(kv.Value)}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        _ => Scalar(value.ToString() ?? string.Empty),
    };

    private static string Scalar(string s)
    {
        bool plain = s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '+') && !s.StartsWith('-');
        return plain ? s : "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
