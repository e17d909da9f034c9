namespace FedSec.Configuration;

/// <summary>A configuration that cannot run; lists every problem found, not only the first.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ConfigException(IReadOnlyList<ConfigProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public ConfigException(string key, string message)
        : this(new[] { new ConfigProblem(key, message) })
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; }

    private static string Format(IReadOnlyList<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => "  - " + p);
        string noun = problems.Count == 1 ? "problem" : "problems";
        return $"The configuration has {problems.Count} {noun}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
