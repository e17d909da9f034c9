using System.Reflection;
using System.Runtime.Loader;

namespace FedSec.Setup;

/// <summary>
/// The load context of one plugin assembly. The BCL's <see cref="AssemblyDependencyResolver"/> finds the plugin's own
/// dependencies from its <c>.deps.json</c>; FedSec's assemblies (and anything else the host has loaded already, such
/// as TorchSharp) come from the host, so the plugin's components implement the host's <c>IAttack</c> and
/// <c>IDefense</c> and not copies of them. This is the pattern of the .NET plugin tutorial; no FedSec-specific
/// loading logic is needed beyond choosing what is shared.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string pluginPath)
        : base($"fedsec plugin {Path.GetFileName(pluginPath)}", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(pluginPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), assemblyName)) || IsShared(assemblyName))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // FedSec's own assemblies are always the host's, loaded or not yet.
    private static bool IsShared(AssemblyName name) => name.Name is { } n && (n == "FedSec.Core" || n.StartsWith("FedSec.", StringComparison.Ordinal));
}
