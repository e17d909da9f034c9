using FedSec.Configuration.Parameters;

namespace FedSec.Configuration;

/// <summary>
/// The view a component gets of the configuration while it is created: typed reads of its keys that collect
/// problems instead of throwing, so that every problem of a config is reported at once.
/// </summary>
public sealed class ComponentArgs
{
    private readonly List<ConfigProblem> _problems;
    private readonly List<ResolvedSetting> _settings = new();

    /// <summary>Creates the view over <paramref name="config"/> for a component configured under <paramref name="section"/>.</summary>
    public ComponentArgs(ConfigNamespace config, string section, ExperimentShape shape, List<ConfigProblem> problems)
    {
        Config = config;
        Section = section;
        Shape = shape;
        _problems = problems;
    }

    /// <summary>The whole configuration.</summary>
    public ConfigNamespace Config { get; }

    /// <summary>The component's own section (<c>attack_args</c> or <c>defense_args</c>).</summary>
    public string Section { get; }

    /// <summary>The size of the experiment (clients in total and per round, rounds), for cross-checks.</summary>
    public ExperimentShape Shape { get; }

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Every key read so far with the value the read returned (defaults included), in the order read.</summary>
    public IReadOnlyList<ResolvedSetting> Settings => _settings;

    /// <summary>
    /// Reads a declared parameter, recording a problem (and returning its default) when the value is not allowed. The
    /// value read is recorded in <see cref="Settings"/>.
    /// </summary>
    public T Get<T>(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var value = Read(parameter);
        _settings.Add(ResolvedSetting.Of(parameter, Section, value));
        return value;
    }

    /// <summary>Records a problem with a key; <paramref name="key"/> may be bare (the section is added).</summary>
    public void Report(string key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        string qualified = key.Contains('.', StringComparison.Ordinal) ? key : QualifiedKey(key);
        _problems.Add(new ConfigProblem(qualified, message));
    }

    private T Read<T>(Parameter<T> parameter)
    {
        var entry = Config.Find(parameter.Key, Section);
        if (entry is null || entry.Value is null)
        {
            return parameter.Default;
        }

        if (parameter.TryParse(entry.Value, out var value, out var error))
        {
            return value;
        }

        Report(entry.QualifiedKey, error);
        return parameter.Default;
    }

    /// <summary>The key with the section it was written under (or the component's own section when unset).</summary>
    public string QualifiedKey(string key) => Config.Find(key, Section)?.QualifiedKey ?? $"{Section}.{key}";
}
