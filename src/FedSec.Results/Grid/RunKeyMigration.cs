using System.Globalization;
using FedSec.Configuration;
using FedSec.Results.Database;
using FedSec.Setup;

namespace FedSec.Results.Grid;

/// <summary>
/// Brings a results database's run keys to the current <see cref="RunKey.Scheme"/>: each stored run's configuration
/// (<c>config_yaml</c>) is bound again and keyed, and the run moves to that key (<see cref="ResultsDatabase.Rekey"/>),
/// so a grid resumed after FedSec changed how keys are computed finds its finished runs instead of running them again.
/// The database records the scheme its keys follow (<c>meta.run_key_scheme</c>; a database without it is scheme 1).
/// </summary>
public static class RunKeyMigration
{
    /// <summary>The name of the <c>meta</c> entry holding the scheme.</summary>
    public const string MetaName = "run_key_scheme";

    /// <summary>What a migration did.</summary>
    /// <param name="FromScheme">The scheme the database followed.</param>
    /// <param name="Moved">Runs whose key changed.</param>
    /// <param name="Duplicates">Runs that turned out to be the same run as another (same resolved settings) and were removed.</param>
    /// <param name="Unbound">Runs whose stored configuration no longer binds; they keep their old keys.</param>
    public sealed record Outcome(int FromScheme, int Moved, int Duplicates, IReadOnlyList<string> Unbound);

    /// <summary>The scheme the database's keys follow.</summary>
    public static int SchemeOf(ResultsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return int.TryParse(database.Meta(MetaName), NumberStyles.Integer, CultureInfo.InvariantCulture, out int scheme) ? scheme : 1;
    }

    /// <summary>
    /// Re-keys the database when it follows an older scheme, binding stored configurations with <paramref name="bind"/>;
    /// null when it was current already. A database newer than this FedSec is an error.
    /// </summary>
    public static Outcome? Apply(ResultsDatabase database, Func<ConfigNamespace, ExperimentSetup> bind)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bind);
        var stored = database.StoredConfigs();
        int scheme = stored.Count == 0 && database.Meta(MetaName) is null ? RunKey.Scheme : SchemeOf(database);
        if (scheme > RunKey.Scheme)
        {
            throw new InvalidDataException($"The results database in {database.Directory} keys its runs with scheme {scheme}; this fedsec knows schemes up to {RunKey.Scheme}. Use a newer fedsec.");
        }

        if (scheme == RunKey.Scheme)
        {
            database.SetMeta(MetaName, RunKey.Scheme.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        var (newKeys, unbound) = Plan(stored, bind);
        var (moved, duplicates) = database.Rekey(newKeys);
        database.SetMeta(MetaName, RunKey.Scheme.ToString(CultureInfo.InvariantCulture));
        return new Outcome(scheme, moved, duplicates, unbound);
    }

    /// <summary>
    /// The keys the stored runs have under the current scheme, without changing the database (for a dry run): the
    /// stored keys when the database is current, else each run's key as <see cref="Apply"/> would make it.
    /// </summary>
    public static IReadOnlySet<string> FinishedKeys(ResultsDatabase database, Func<ConfigNamespace, ExperimentSetup> bind)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bind);
        if ((database.Meta(MetaName) is null && database.StoredConfigs().Count == 0) || SchemeOf(database) == RunKey.Scheme)
        {
            return database.FinishedRunKeys();
        }

        var (newKeys, unbound) = Plan(database.StoredConfigs(), bind);
        return newKeys.Values.Concat(unbound).ToHashSet(StringComparer.Ordinal);
    }

    private static (Dictionary<string, string> NewKeys, List<string> Unbound) Plan(
        IReadOnlyList<(string RunKey, string ConfigYaml)> stored, Func<ConfigNamespace, ExperimentSetup> bind)
    {
        var newKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var unbound = new List<string>();
        foreach (var (key, yaml) in stored)
        {
            try
            {
                newKeys[key] = RunKey.Of(bind(ConfigReader.Parse(yaml, $"the stored configuration of run {key}")));
            }
            catch (ConfigException)
            {
                unbound.Add(key);
            }
        }

        return (newKeys, unbound);
    }
}
