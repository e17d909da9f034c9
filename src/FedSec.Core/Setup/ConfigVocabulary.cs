using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Components;

namespace FedSec.Setup;

/// <summary>
/// The keys and sections a configuration may use: the engine's keys (<see cref="EngineParameters"/>), every registered
/// component's keys, and FedML's keys that FedSec accepts without using.
/// </summary>
public static class ConfigVocabulary
{
    /// <summary>FedML's sections that FedSec accepts and ignores (one warning each): environment_args, device_args, ...</summary>
    public static IReadOnlyList<string> IgnoredFedMLSections { get; } = FedMLKeys.IgnoredSections.Keys.ToArray();

    /// <summary>
    /// Where each known key lives, for <see cref="ConfigReader.ApplyOverride"/>: engine keys in their home section,
    /// attack keys in <c>attack_args</c>, defense keys in <c>defense_args</c>, a registered section's keys in that
    /// section (<c>dp_args</c>, ...), and FedML's attack and defense keys
    /// that no registered component reads yet. A key read by both an attack and a defense (e.g.
    /// <c>byzantine_client_num</c>) lives in <c>attack_args</c>, as in FedML's examples; the sections share one namespace.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KeyHomes(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var homes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in EngineParameters.All)
        {
            homes.TryAdd(p.Parameter.Key, p.Section);
        }

        foreach (var kind in new[] { ComponentKind.Attack, ComponentKind.Defense })
        {
            string section = SectionOf(kind);
            foreach (var d in registry.OfKind(kind))
            {
                foreach (var p in d.Parameters)
                {
                    homes.TryAdd(p.Key, section);
                }
            }
        }

        foreach (var e in registry.Extensions)
        {
            foreach (var p in e.Parameters)
            {
                homes.TryAdd(p.Key, e.Section);
            }
        }

        foreach (var (key, section) in FedMLKeys.ComponentKeys)
        {
            homes.TryAdd(key, section);
        }

        return homes;
    }

    /// <summary>The keys whose value is itself a list (e.g. <c>defense_type</c>, <c>original_class_list</c>).</summary>
    public static IReadOnlySet<string> ListValuedKeys(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        static bool IsList(IParameter p) => p is StringListParameter or IntListParameter;
        var keys = new HashSet<string>(StringComparer.Ordinal) { ConfigSections.Plugins };
        keys.UnionWith(EngineParameters.All.Where(p => IsList(p.Parameter)).Select(p => p.Parameter.Key));
        foreach (var kind in new[] { ComponentKind.Attack, ComponentKind.Defense })
        {
            keys.UnionWith(registry.OfKind(kind).SelectMany(d => d.Parameters).Where(IsList).Select(p => p.Key));
        }

        keys.UnionWith(registry.Extensions.SelectMany(e => e.Parameters).Where(IsList).Select(p => p.Key));

        return keys;
    }

    /// <summary>The section that names and configures components of <paramref name="kind"/>.</summary>
    public static string SectionOf(ComponentKind kind) => kind == ComponentKind.Attack ? ConfigSections.Attack : ConfigSections.Defense;

    /// <summary>Every key name known to the vocabulary (for "did you mean" hints), FedSec's before FedML's ignored ones.</summary>
    internal static IEnumerable<string> AllKeys(ComponentRegistry registry) =>
        KeyHomes(registry).Keys.Concat(FedMLKeys.IgnoredKeys.Keys).Distinct(StringComparer.Ordinal);
}
