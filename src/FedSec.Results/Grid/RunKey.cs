using System.Security.Cryptography;
using System.Text;
using FedSec.Configuration;

namespace FedSec.Results.Grid;

/// <summary>
/// The identity of a run: 16 hex digits of the SHA-256 of its resolved configuration. Entries are sorted, so the order
/// they were written in does not matter; engine keys left out take their defaults, so writing a default explicitly
/// does not change the key; where the data live (<c>data_cache_dir</c>) is not part of it. Keys added to the engine after
/// grids were run (<see cref="EngineParameter.InRunKeyOnlyWhenSet"/>: <c>model_args.initial_model</c>) count only when
/// set, so the runs of older grids keep their keys. An initial model counts by its path, not its contents.
/// </summary>
public static class RunKey
{
    /// <summary>The key of <paramref name="config"/>.</summary>
    public static string Of(ConfigNamespace config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(config))))[..16];

    /// <summary>The text that is hashed: one sorted <c>section.key=value</c> line per entry.</summary>
    public static string Canonical(ConfigNamespace config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var onlyWhenSet = EngineParameters.All.Where(p => p.InRunKeyOnlyWhenSet).Select(p => p.Parameter.Key).ToHashSet(StringComparer.Ordinal);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in config.Entries.Where(e => e.Key != EngineParameters.DataCacheDir.Key))
        {
            if (onlyWhenSet.Contains(e.Key) && (e.Value is null || (e.Value is string text && string.IsNullOrWhiteSpace(text))))
            {
                continue;
            }

            lines.Add($"{e.Section}.{e.Key}={ConfigYamlWriter.FormatValue(e.Value)}");
        }

        foreach (var p in EngineParameters.All.Where(p => p.Parameter.Key != EngineParameters.DataCacheDir.Key && !p.InRunKeyOnlyWhenSet && config.Find(p.Parameter.Key, p.Section) is null))
        {
            lines.Add($"{p.Section}.{p.Parameter.Key}={p.Parameter.DefaultText}");
        }

        return string.Join('\n', lines);
    }
}
