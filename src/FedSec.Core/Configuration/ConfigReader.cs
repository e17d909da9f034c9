using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FedSec.Configuration;

/// <summary>
/// Reads FedML-style YAML (a mapping of sections, each a mapping of key: value) into a <see cref="ConfigNamespace"/>
/// whose entries remember their <c>file:line</c>, and applies <c>--set</c> overrides. Values stay raw (text, list,
/// mapping or null); <c>Setup.ExperimentBinder</c> types and validates them.
/// </summary>
public static class ConfigReader
{
    /// <summary>The <see cref="ConfigEntry.Source"/> of a value set from the command line.</summary>
    public const string OverrideSource = "--set";

    // YamlDotNet's message for a repeated key in one mapping; reworded for the user.
    private const string DuplicateKey = "Duplicate key ";

    /// <summary>Parses YAML text; <paramref name="sourceName"/> (e.g. the file name) prefixes every entry's source line.</summary>
    /// <exception cref="ConfigException">The text is not valid YAML, has duplicate keys, or is not a mapping of sections.</exception>
    public static ConfigNamespace Parse(string yamlText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);
        var stream = Load(yamlText, e => new ConfigException(
            $"{sourceName}:{e.Start.Line}",
            e.Message.StartsWith(DuplicateKey, StringComparison.Ordinal)
                ? $"duplicate key '{e.Message[DuplicateKey.Length..]}'; each key may appear only once in its section, and each section once."
                : $"YAML syntax error at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"),
            e => new ConfigException(sourceName, $"YAML syntax error: the YAML parser cannot read it ({e.Message}); check the quoting, the tags (!...) and the indentation."));
        if (stream.Documents.Count == 0)
        {
            throw new ConfigException(sourceName, "the configuration is empty; expected sections such as train_args: with key: value lines under them.");
        }

        if (stream.Documents.Count > 1)
        {
            throw new ConfigException(
                YamlValues.Where(stream.Documents[1].RootNode, sourceName),
                "a second YAML document starts here (after ---); a configuration is one document.");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode sections)
        {
            throw new ConfigException(
                YamlValues.Where(root, sourceName),
                $"the top level must be a mapping of sections (common_args:, train_args:, ...), but it is {YamlValues.Describe(root)}.");
        }

        var problems = new List<ConfigProblem>();
        var ns = new ConfigNamespace();
        foreach (var (sectionNode, body) in sections.Children)
        {
            if (YamlValues.KeyText(sectionNode, sourceName, problems) is not { } section)
            {
                continue;
            }

            switch (body)
            {
                case YamlSequenceNode or YamlScalarNode when section == ConfigSections.Plugins:
                    ns.Set(ConfigSections.Plugins, ConfigSections.Plugins, YamlValues.ToValue(body, sourceName, problems), YamlValues.Where(sectionNode, sourceName));
                    break;
                case YamlMappingNode keys:
                    foreach (var (keyNode, valueNode) in keys.Children)
                    {
                        if (YamlValues.KeyText(keyNode, sourceName, problems) is { } key)
                        {
                            ns.Set(section, key, YamlValues.ToValue(valueNode, sourceName, problems), YamlValues.Where(keyNode, sourceName));
                        }
                    }

                    break;
                case YamlScalarNode empty when YamlValues.IsNull(empty):
                    // An empty section ("attack_args:" with nothing under it) sets nothing.
                    break;
                default:
                    problems.Add(new ConfigProblem(
                        YamlValues.Where(sectionNode, sourceName),
                        $"'{section}' is at the top level, where only sections (mappings of key: value lines) belong, but it holds {YamlValues.Describe(body)}; indent it under a section such as train_args:."));
                    break;
            }
        }

        return problems.Count > 0 ? throw new ConfigException(problems) : ns;
    }

    /// <summary>Reads and parses a YAML file; sources read <c>path:line</c> with the path as given.</summary>
    /// <exception cref="ConfigException">The file is missing or unreadable, or <see cref="Parse"/> rejects it.</exception>
    public static ConfigNamespace ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException(path, $"configuration file not found (looked for {Path.GetFullPath(path)}).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigException(path, $"configuration file cannot be read: {e.Message}");
        }

        return WithPluginPathsFrom(Parse(text, path), Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>The plugin assemblies a configuration names (its top-level <c>plugins:</c> list), in order.</summary>
    public static IReadOnlyList<string> PluginPaths(ConfigNamespace config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Find(ConfigSections.Plugins, ConfigSections.Plugins) is { Section: ConfigSections.Plugins } entry
            ? entry.Value switch
            {
                string one => [one],
                IEnumerable<object?> many => many.OfType<string>().ToArray(),
                _ => [],
            }
            : [];
    }

    // Plugin paths are relative to the file that names them; stored absolute, so a grid's child runs (whose
    // planned.yaml lies elsewhere) find them too.
    private static ConfigNamespace WithPluginPathsFrom(ConfigNamespace ns, string directory)
    {
        var paths = PluginPaths(ns);
        if (paths.Count > 0)
        {
            var entry = ns.Find(ConfigSections.Plugins, ConfigSections.Plugins)!;
            ns.Set(ConfigSections.Plugins, ConfigSections.Plugins, paths.Select(p => (object?)Path.GetFullPath(p, directory)).ToList(), entry.Source);
        }

        return ns;
    }

    /// <summary>
    /// Applies one command-line override, <c>section.key=value</c> or <c>key=value</c>. A bare key goes to the section
    /// that already holds it, else to its home in <paramref name="keyHomes"/> (see <c>Setup.ConfigVocabulary.KeyHomes</c>).
    /// The value is read as YAML, so <c>defense_type=[nnm,trimmed_mean]</c> is a list; its source is <c>--set</c>.
    /// </summary>
    /// <exception cref="ConfigException">The assignment is malformed, names an unknown section or key, a bare key held by
    /// or a value that is not valid YAML. A bare key held by several sections is set in all of them.</exception>
    public static void ApplyOverride(ConfigNamespace ns, string assignment, IReadOnlyDictionary<string, string> keyHomes)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(keyHomes);
        int eq = assignment.IndexOf('=', StringComparison.Ordinal);
        string left = eq > 0 ? assignment[..eq].Trim() : string.Empty;
        if (left.Length == 0 || left.EndsWith('.'))
        {
            throw new ConfigException(OverrideSource, $"'{assignment}' is not an assignment; write section.key=value or key=value.");
        }

        string key, section;
        int dot = left.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            section = left[..dot];
            key = left[(dot + 1)..];
            // The engine's sections and those registered components read (dp_args, secure_aggregation_args, ...).
            var sections = ConfigSections.All
                .Concat(keyHomes.Values.Where(v => !ConfigSections.All.Contains(v, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                .ToList();
            if (!sections.Contains(section, StringComparer.Ordinal))
            {
                throw new ConfigException(left, $"unknown section '{section}' in {OverrideSource}; the sections are {string.Join(", ", sections)}{NameSuggestion.SectionHint(section, sections)}");
            }

            if (!keyHomes.ContainsKey(key))
            {
                throw UnknownKey(left, key, keyHomes);
            }
        }
        else
        {
            key = left;
            var holders = ns.Entries
                .Where(e => e.Key == key && ConfigSections.All.Contains(e.Section, StringComparer.Ordinal))
                .Select(e => e.Section)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (holders.Count > 1)
            {
                // FedML's sections share one namespace: a bare key set in several sections means one value for all.
                var shared = ParseValue(assignment[(eq + 1)..], key);
                foreach (var holder in holders)
                {
                    ns.Set(holder, key, shared, OverrideSource);
                }

                return;
            }

            section = holders.Count == 1 ? holders[0]
                : keyHomes.TryGetValue(key, out var home) ? home
                : throw UnknownKey(key, key, keyHomes);
        }

        ns.Set(section, key, ParseValue(assignment[(eq + 1)..], $"{section}.{key}"), OverrideSource);
    }

    /// <summary>
    /// Reads a command-line value as YAML: a scalar, a flow list or mapping, or null when empty. <paramref name="source"/>
    /// names the option it came from in messages (<c>--set</c>, or <c>--param</c> for <c>fedsec aggregate</c>).
    /// </summary>
    internal static object? ParseValue(string text, string qualifiedKey, string source = OverrideSource)
    {
        var problems = new List<ConfigProblem>();
        var stream = Load(text, e => new ConfigException(
            qualifiedKey,
            $"the value given with {source} is not valid YAML ({e.Message}); quote it if it is text."),
            e => new ConfigException(qualifiedKey, $"the value given with {source} is not valid YAML ({e.Message}); quote it if it is text."));
        object? value = stream.Documents.Count == 0 ? null : YamlValues.ToValue(stream.Documents[0].RootNode, source, problems);
        return problems.Count > 0 ? throw new ConfigException(problems) : value;
    }

    private static ConfigException UnknownKey(string written, string key, IReadOnlyDictionary<string, string> keyHomes) =>
        new(written, $"unknown key '{key}' in {OverrideSource}{NameSuggestion.Hint(key, keyHomes.Keys)}");

    private static YamlStream Load(string text, Func<YamlException, ConfigException> error, Func<Exception, ConfigException> unreadable)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw error(e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet 18.1 throws these, without a position, for some malformed input (found by fuzz/, target config):
            // "The current event is of an unsupported type", "Global tags must be valid URIs", scanner states.
            throw unreadable(e);
        }

        return stream;
    }
}
