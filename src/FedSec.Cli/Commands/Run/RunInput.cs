using FedSec.Components;
using FedSec.Setup;
using FedSec.Configuration;

namespace FedSec.Cli.Commands.Run;

/// <summary>The configuration a run starts from, before validation, and where it came from.</summary>
/// <param name="Config">The file's configuration (or the embedded default's) with <c>--seed</c> and then each <c>--set</c> applied.</param>
/// <param name="Source">The file, or "the embedded default experiment".</param>
internal sealed record RunInput(ConfigNamespace Config, string Source)
{
    /// <summary>
    /// Reads the configuration <paramref name="settings"/> name, loads its plugins and those of <c>--plugin</c> into
    /// <paramref name="registry"/>, and applies the overrides (bare keys go to their homes, plugin keys included).
    /// </summary>
    /// <exception cref="ConfigException">The file is missing or malformed, or an override is.</exception>
    /// <exception cref="FedSec.Setup.PluginLoadException">A plugin cannot be loaded.</exception>
    public static RunInput Load(RunSettings settings, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Load(settings.ConfigFile, settings.Plugins, settings.Seed, settings.Set, registry);
    }

    /// <summary>As <see cref="Load(RunSettings, ComponentRegistry)"/>, from the options themselves (<c>fedsec server</c> has the same ones).</summary>
    public static RunInput Load(string? configFile, IReadOnlyList<string> plugins, string? seed, IReadOnlyList<string> set, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(set);
        var config = configFile is { } file ? ConfigReader.ParseFile(file) : DefaultConfig.Parse();
        Plugins.Load(registry, plugins, config);
        var keyHomes = ConfigVocabulary.KeyHomes(registry);
        if (seed is not null)
        {
            ConfigReader.ApplyOverride(config, $"{ConfigSections.Common}.random_seed={seed}", keyHomes);
        }

        foreach (string assignment in set)
        {
            ConfigReader.ApplyOverride(config, assignment, keyHomes);
        }

        return new RunInput(config, configFile ?? "the embedded default experiment");
    }
}
