using System.Security.Cryptography;
using System.Text;
using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Results.Grid;

/// <summary>
/// The identity of a run: 16 hex digits of the SHA-256 of its resolved settings that differ from their defaults
/// (<see cref="ExperimentSetup.Settings"/>), one sorted <c>section.key=value</c> line each. Values are hashed as the
/// run uses them, not as they were written: <c>0.10</c> and <c>0.1</c>, <c>Hetero</c> and <c>hetero</c>, a default written
/// out or left out, a FedML key FedSec ignores, a component key no configured component reads, all give the same key.
/// Where the data live (<c>data_cache_dir</c>) is not part of it; an initial model counts by its path.
/// </summary>
/// <remarks>
/// A key added to FedSec with a default that keeps the old behaviour leaves every existing run's key as it was. A
/// changed default changes what an unchanged config means, so it must change <see cref="Scheme"/>, and the results of
/// the older scheme are then not the same runs. A change of the canonical text alone (this class) changes
/// <see cref="Scheme"/> too; <c>ResultsDatabase.Rekey</c> moves stored runs to the new keys from their stored configs.
/// </remarks>
public static class RunKey
{
    /// <summary>The version of the canonical text and of the defaults it leaves out; databases record it.</summary>
    public const int Scheme = 2;

    /// <summary>The key of a bound run.</summary>
    public static string Of(ExperimentSetup setup) => Hash(Canonical(setup));

    /// <summary>The text that is hashed: one sorted <c>section.key=value</c> line per setting that is not its default.</summary>
    public static string Canonical(ExperimentSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in setup.Settings.Where(s => !s.IsDefault && s.Key != DataCacheDirKey))
        {
            lines.Add($"{s.Key}={s.Text}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// The key function of a grid: binds each run's configuration with <paramref name="bind"/> and keys the result; a
    /// configuration that does not bind gets <see cref="OfUnbound"/> (binding it again reports its problems).
    /// </summary>
    public static Func<ConfigNamespace, string> Binding(Func<ConfigNamespace, ExperimentSetup> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return config =>
        {
            try
            {
                return Of(bind(config));
            }
            catch (ConfigException)
            {
                return OfUnbound(config);
            }
        };
    }

    /// <summary>
    /// A key for a configuration that does not bind (its problems are reported before anything runs): the hash of its
    /// entries as written, so that two invalid variants of a grid stay apart. Never stored.
    /// </summary>
    public static string OfUnbound(ConfigNamespace config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lines = config.Entries.Select(e => $"{e.Section}.{e.Key}={ConfigYamlWriter.FormatValue(e.Value)}").Order(StringComparer.Ordinal);
        return Hash("unbound\n" + string.Join('\n', lines));
    }

    private static string DataCacheDirKey => $"{ConfigSections.Data}.{EngineParameters.DataCacheDir.Key}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
