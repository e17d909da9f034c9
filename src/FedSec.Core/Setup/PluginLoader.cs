using System.Reflection;
using FedSec.Components;

namespace FedSec.Setup;

/// <summary>
/// Loads plugin assemblies (<see cref="IFedSecPlugin"/>) into a component registry: <c>fedsec run --plugin FILE</c>
/// and a configuration's <c>plugins:</c> list. Each assembly loads once per process, in a context of its own
/// (<see cref="PluginLoadContext"/>); every problem is a <see cref="PluginLoadException"/> naming the file.
/// </summary>
public static class PluginLoader
{
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Loads each plugin file and registers its components into <paramref name="registry"/>.</summary>
    /// <returns>The names each plugin registered, in order.</returns>
    /// <exception cref="PluginLoadException">A file is missing, is not a .NET assembly, holds no plugin, or registers a name already taken.</exception>
    public static IReadOnlyList<(string Path, IReadOnlyList<string> Components)> LoadInto(ComponentRegistry registry, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(paths);
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (string path in paths.Select(p => Path.GetFullPath(p)).Distinct(StringComparer.Ordinal))
        {
            var before = registry.All.ToHashSet();
            foreach (var plugin in Plugins(path))
            {
                try
                {
                    plugin.Register(registry);
                }
                catch (InvalidOperationException e)
                {
                    throw new PluginLoadException(path, $"The plugin {path} ({plugin.GetType().FullName}) cannot register its components: {e.Message} Rename the plugin's component, or leave out the plugin that registers it first.", e);
                }
            }

            result.Add((path, registry.All.Where(d => !before.Contains(d)).Select(d => $"{d.Name} ({d.Kind.ToString().ToLowerInvariant()})").ToArray()));
        }

        return result;
    }

    private static IFedSecPlugin[] Plugins(string path)
    {
        var assembly = Load(path);
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new PluginLoadException(path, $"The plugin {path} cannot be loaded: {e.Message} Put the plugin's dependencies next to it (dotnet publish, or build with its .deps.json), built for .NET 10 against this FedSec.Core.", e);
        }

        var plugins = types.Where(t => typeof(IFedSecPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToArray();
        if (plugins.Length == 0)
        {
            throw new PluginLoadException(path, $"{path} holds no plugin: no public class implements FedSec.Components.IFedSecPlugin. Add one whose Register(ComponentRegistry) registers your attacks and defenses.");
        }

        return plugins.Select(t => Create(path, t)).ToArray();
    }

    private static IFedSecPlugin Create(string path, Type type)
    {
        try
        {
            return (IFedSecPlugin)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            throw new PluginLoadException(path, $"The plugin class {type.FullName} in {path} cannot be created: {e.InnerException?.Message ?? e.Message} It needs a public parameterless constructor.", e);
        }
    }

    private static Assembly Load(string path)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(path, out var loaded))
            {
                return loaded;
            }

            if (!File.Exists(path))
            {
                throw new PluginLoadException(path, $"The plugin file {path} does not exist; give the path of the built assembly (e.g. bin/Release/net10.0/MyComponents.dll).");
            }

            try
            {
                var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
                Loaded[path] = assembly;
                return assembly;
            }
            catch (BadImageFormatException e)
            {
                throw new PluginLoadException(path, $"{path} is not a .NET assembly; a plugin is the .dll a class library project builds.", e);
            }
            catch (FileLoadException e)
            {
                throw new PluginLoadException(path, $"The plugin {path} cannot be loaded: {e.Message}", e);
            }
        }
    }
}
