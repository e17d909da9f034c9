using FedSec.Components;
using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Cli.Commands;

/// <summary>
/// The plugins a command loads: those named by <c>--plugin</c> and those of the configuration's <c>plugins:</c> list.
/// The command-line ones join the configuration's list, so the <c>config.yaml</c> a run writes (and a grid's child
/// runs) name every plugin the run used.
/// </summary>
internal static class Plugins
{
    /// <summary>Adds <paramref name="fromCommandLine"/> to <paramref name="config"/>'s list (when given) and loads every plugin into <paramref name="registry"/>.</summary>
    /// <exception cref="PluginLoadException">A plugin cannot be loaded or registers a name already taken.</exception>
    public static void Load(ComponentRegistry registry, IReadOnlyList<string> fromCommandLine, ConfigNamespace? config)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(fromCommandLine);
        var named = config is null ? [] : ConfigReader.PluginPaths(config);
        var all = named.Concat(fromCommandLine.Select(p => Path.GetFullPath(p))).Distinct(StringComparer.Ordinal).ToArray();
        if (config is not null && all.Length > named.Count)
        {
            config.Set(ConfigSections.Plugins, ConfigSections.Plugins, all.Cast<object?>().ToList(), "--plugin");
        }

        PluginLoader.LoadInto(registry, all);
    }
}
