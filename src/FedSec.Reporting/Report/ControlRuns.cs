using FedSec.Configuration;
using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Reporting.Report;

/// <summary>
/// <c>fedsec report --control DIR</c>: the backdoors' control runs (<c>attack_args.trigger_only: true</c>,
/// docs/attacks/README.md), each trigger on a model no poisoned update reached. A backdoor run's control has the same
/// grid axes but the defense: the control run against the same defense when there is one, else the one without a
/// defense (controls are usually run only without one: a defense sees the attackers' unchanged models as updates).
/// Pairing them shows how much of a backdoor's attack success rate its trigger reaches alone, which for a trigger
/// optimised against the global model (IBA, A3FL) can be most of it.
/// </summary>
internal sealed class ControlRuns
{
    /// <summary>The key a control run has on, in its configuration.</summary>
    public const string TriggerOnlyKey = "attack_args.trigger_only";

    private readonly Dictionary<string, StoredRun> _byAxes;
    private readonly ILookup<string, StoredRound> _rounds;

    /// <summary>Indexes <paramref name="results"/>' runs by their axes.</summary>
    /// <exception cref="InvalidDataException">A run is not a control run, or two runs have the same axes; the message names it and <paramref name="source"/>.</exception>
    public ControlRuns(StoredResults results, string source)
    {
        ArgumentNullException.ThrowIfNull(results);
        Source = source;
        _byAxes = new Dictionary<string, StoredRun>(StringComparer.Ordinal);
        foreach (var run in results.Runs)
        {
            if (!IsControl(run))
            {
                throw new InvalidDataException($"--control {source}: run '{run.Label}' does not have {TriggerOnlyKey}: true, so it is not a backdoor's control run (the same backdoor with the attackers poisoning their data but sending no update); make them with 'fedsec bench GRID --only defense=none --set {TriggerOnlyKey}=true --output DIR'.");
            }

            if (!_byAxes.TryAdd(Key(run.Axes, run.Defense), run))
            {
                throw new InvalidDataException($"--control {source}: runs '{_byAxes[Key(run.Axes, run.Defense)].Label}' and '{run.Label}' have the same grid axes, so a backdoor run could pair with either; give each variant its own output directory.");
            }
        }

        _rounds = results.Rounds.ToLookup(r => r.RunKey, StringComparer.Ordinal);
        Count = results.Runs.Count;
    }

    /// <summary>Where the control runs were read from, as the user named it.</summary>
    public string Source { get; }

    /// <summary>How many control runs there are.</summary>
    public int Count { get; }

    /// <summary>Reads the control runs of the bench output directory <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">It holds no results database.</exception>
    /// <exception cref="InvalidDataException">As the constructor.</exception>
    public static ControlRuns Load(string directory)
    {
        string path = Path.Combine(directory, ResultsDatabase.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--control {directory}: {path} does not exist; --control takes the output directory of the backdoors' control runs ('fedsec bench ... --set {TriggerOnlyKey}=true --output DIR').", path);
        }

        return new ControlRuns(ResultsDatabase.ReadSnapshot(path), directory);
    }

    /// <summary>The control run of <paramref name="run"/>: same axes and defense, else same axes and no defense; null when there is none.</summary>
    public StoredRun? For(StoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _byAxes.GetValueOrDefault(Key(run.Axes, run.Defense)) ?? _byAxes.GetValueOrDefault(Key(run.Axes, Facet.None));
    }

    /// <summary>The attack success rate <paramref name="control"/> recorded in <paramref name="round"/>, or null when it was not evaluated then.</summary>
    public double? AttackSuccessRate(StoredRun control, int round)
    {
        ArgumentNullException.ThrowIfNull(control);
        return _rounds[control.RunKey].FirstOrDefault(r => r.Round == round) is { } stored
            && stored.Metrics.TryGetValue(ResultIndex.AttackSuccessRate, out double asr)
            ? asr
            : null;
    }

    private static bool IsControl(StoredRun run) =>
        run.ConfigYaml.Length > 0
        && ConfigReader.Parse(run.ConfigYaml, $"run {run.Label}").Entries.Any(e => e.QualifiedKey == TriggerOnlyKey && ConfigYamlWriter.FormatValue(e.Value) == "true");

    // Every axis but the defense and a tuned defense's values, then the defense.
    private static string Key(IReadOnlyDictionary<string, string> axes, string defense) =>
        string.Join("\n", axes.Where(a => a.Key != GridExpander.DefenseAxis && a.Key != GridExpander.TuneAxis).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))
        + "\ndefense=" + defense;
}
