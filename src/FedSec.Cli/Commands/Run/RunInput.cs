using FedSec.Configuration;

namespace FedSec.Cli.Commands.Run;

/// <summary>The configuration a run starts from, before validation, and where it came from.</summary>
/// <param name="Config">The file's configuration (or the embedded default's) with <c>--seed</c> and then each <c>--set</c> applied.</param>
/// <param name="Source">The file, or "the embedded default experiment".</param>
internal sealed record RunInput(ConfigNamespace Config, string Source)
{
    /// <summary>Reads the configuration <paramref name="settings"/> name and applies their overrides; <paramref name="keyHomes"/> places bare keys.</summary>
    /// <exception cref="ConfigException">The file is missing or malformed, or an override is.</exception>
    public static RunInput Load(RunSettings settings, IReadOnlyDictionary<string, string> keyHomes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = settings.ConfigFile is { } file ? ConfigReader.ParseFile(file) : DefaultConfig.Parse();
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
