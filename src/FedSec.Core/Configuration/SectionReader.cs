using FedSec.Configuration.Parameters;

namespace FedSec.Configuration;

/// <summary>
/// Typed reads of engine keys from a namespace (home section first, then any other, as in FedML), recording a
/// problem and returning the default when a value is not allowed, so that every problem is reported at once.
/// </summary>
internal sealed class SectionReader
{
    private readonly ConfigNamespace _config;
    private readonly List<ConfigProblem> _problems;
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly List<ResolvedSetting> _settings = new();

    public SectionReader(ConfigNamespace config, List<ConfigProblem> problems)
    {
        _config = config;
        _problems = problems;
    }

    /// <summary>Every engine key read so far, under its home section, with the value the read returned.</summary>
    public IReadOnlyList<ResolvedSetting> Settings => _settings;

    /// <summary>The value of an engine key, or its default when unset, empty or not allowed; recorded in <see cref="Settings"/>.</summary>
    public T Get<T>(Parameter<T> parameter, string section)
    {
        var value = Read(parameter, section);
        _settings.RemoveAll(s => s.Key == $"{section}.{parameter.Key}");
        _settings.Add(ResolvedSetting.Of(parameter, section, value));
        return value;
    }

    private T Read<T>(Parameter<T> parameter, string section)
    {
        var entry = _config.Find(parameter.Key, section);
        if (entry?.Value is null)
        {
            return parameter.Default;
        }

        if (parameter.TryParse(entry.Value, out var value, out var error))
        {
            return value;
        }

        _failed.Add(parameter.Key);
        Report(parameter, section, error);
        return parameter.Default;
    }

    /// <summary>Whether reading the key recorded a problem (cross-checks skip keys already reported).</summary>
    public bool Failed(IParameter parameter) => _failed.Contains(parameter.Key);

    /// <summary>Records a problem with a key, named with the section it was written under (or its home section).</summary>
    public void Report(IParameter parameter, string section, string message)
    {
        _failed.Add(parameter.Key);
        _problems.Add(new ConfigProblem(QualifiedKey(parameter, section), message));
    }

    /// <summary>The key with the section it was written under, or its home section when unset.</summary>
    public string QualifiedKey(IParameter parameter, string section) =>
        _config.Find(parameter.Key, section)?.QualifiedKey ?? $"{section}.{parameter.Key}";
}
