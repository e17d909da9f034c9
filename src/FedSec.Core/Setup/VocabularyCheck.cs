using FedSec.Configuration;
using FedSec.Components;

namespace FedSec.Setup;

/// <summary>
/// Checks every section and key of a configuration against the vocabulary: FedSec's keys pass; FedML's keys and
/// sections that do not apply here, and component keys nothing configured reads, pass with one warning line each;
/// anything else is a problem that suggests the closest known name.
/// </summary>
internal static class VocabularyCheck
{
    public static void Run(
        ConfigNamespace config,
        ComponentRegistry registry,
        IReadOnlySet<ComponentDescriptor> configured,
        IReadOnlySet<string> enabledExtensions,
        List<ConfigProblem> problems,
        List<string> warnings)
    {
        var engineKeys = EngineParameters.All.Select(p => p.Parameter.Key).ToHashSet(StringComparer.Ordinal);
        var readers = new Dictionary<string, List<ComponentDescriptor>>(StringComparer.Ordinal);
        foreach (var d in registry.All)
        {
            foreach (var p in d.Parameters)
            {
                if (!readers.TryGetValue(p.Key, out var list))
                {
                    readers[p.Key] = list = new List<ComponentDescriptor>();
                }

                list.Add(d);
            }
        }

        var allKeys = ConfigVocabulary.AllKeys(registry).ToList();
        var sectionsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in config.Entries)
        {
            string section = entry.Section;
            if (section == ConfigSections.Plugins)
            {
                continue;
            }

            if (registry.Extensions.FirstOrDefault(x => x.Section == section) is { } extension)
            {
                CheckExtensionKey(entry, extension, enabledExtensions.Contains(section), sectionsSeen, warnings, problems);
                continue;
            }

            if (!ConfigSections.All.Contains(section, StringComparer.Ordinal))
            {
                if (sectionsSeen.Add(section))
                {
                    CheckOtherSection(config, section, problems, warnings);
                }

                continue;
            }

            string key = entry.Key, where = entry.QualifiedKey;
            if (engineKeys.Contains(key))
            {
                WarnIfShadowed(config, entry, warnings);
                continue;
            }

            if (readers.TryGetValue(key, out var ds))
            {
                if (!ds.Any(configured.Contains))
                {
                    string names = string.Join(", ", ds.Select(d => $"{d.Name} ({d.Kind.ToString().ToLowerInvariant()})"));
                    warnings.Add($"{where}: read only by {names}, which this configuration does not enable; ignored.");
                }
            }
            else if (FedMLKeys.IsIgnoredKey(key, out var hint))
            {
                warnings.Add($"{where}: FedML key not used by FedSec{(hint.Length > 0 ? $" ({hint})" : string.Empty)}; ignored.");
            }
            else if (FedMLKeys.ComponentKeys.ContainsKey(key))
            {
                warnings.Add($"{where}: FedML attack/defense key not used by the configured components; ignored.");
            }
            else
            {
                problems.Add(new ConfigProblem(where, $"unknown key '{key}'{NameSuggestion.Hint(key, allKeys)}"));
            }
        }
    }

    private static void CheckExtensionKey(ConfigEntry entry, ExtensionDescriptor extension, bool enabled, HashSet<string> sectionsSeen, List<string> warnings, List<ConfigProblem> problems)
    {
        var keys = extension.Parameters.Select(p => p.Key).ToArray();
        if (!keys.Contains(entry.Key, StringComparer.Ordinal))
        {
            problems.Add(new ConfigProblem(entry.QualifiedKey, $"unknown key '{entry.Key}' in {extension.Section}; its keys are {string.Join(", ", keys)}{NameSuggestion.Hint(entry.Key, keys)}"));
        }
        else if (!enabled && sectionsSeen.Add(extension.Section))
        {
            warnings.Add($"{extension.Section}: not enabled by its keys, so its settings are ignored.");
        }
    }

    /// <summary>
    /// One warning for an engine key written twice (FedML's configs repeat federated_optimizer under defense_args): the
    /// engine reads the one in its home section, or else the last one, and the other is said to be ignored.
    /// </summary>
    private static void WarnIfShadowed(ConfigNamespace config, ConfigEntry entry, List<string> warnings)
    {
        string home = EngineParameters.All.First(p => p.Parameter.Key == entry.Key).Section;
        if (config.Find(entry.Key, home) is { } read && read != entry)
        {
            string same = Equals(read.Value?.ToString(), entry.Value?.ToString()) ? "the same value" : $"'{read.Value}', not '{entry.Value}'";
            warnings.Add($"{entry.QualifiedKey}: FedSec reads {read.QualifiedKey} ({same}); ignored.");
        }
    }

    private static void CheckOtherSection(ConfigNamespace config, string section, List<ConfigProblem> problems, List<string> warnings)
    {
        if (FedMLKeys.IgnoredSections.TryGetValue(section, out var why))
        {
            var keys = config.Entries.Where(e => e.Section == section).Select(e => e.Key);
            warnings.Add($"{section}: FedML section not used by FedSec ({why}); ignored: {string.Join(", ", keys)}.");
            return;
        }

        var known = ConfigSections.All.Concat(FedMLKeys.IgnoredSections.Keys);
        problems.Add(new ConfigProblem(
            section,
            $"unknown section '{section}'; the sections are {string.Join(", ", ConfigSections.All)} (FedML's {string.Join(", ", FedMLKeys.IgnoredSections.Keys)} are accepted and ignored){NameSuggestion.SectionHint(section, known)}"));
    }
}
