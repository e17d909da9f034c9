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
        var config = settings.ConfigFile is { } file ? ConfigReader.ParseFile(file) : DefaultConfig.Parse();
        Plugins.Load(registry, settings.Plugins, config);
        var keyHomes = ConfigVocabulary.KeyHomes(registry);
        if (settings.Seed is { } seed)
        {
            ConfigReader.ApplyOverride(config, $"{ConfigSections.Common}.random_seed={seed}", keyHomes);
        }

        foreach (string assignment in settings.Set)
        {
            ConfigReader.ApplyOverride(config, assignment, keyHomes);
        }

        return new RunInput(config, settings.ConfigFile ?? "the embedded default experiment");
    }
}
