namespace FedSec.Cli.Commands;

/// <summary>
/// A command line split into positional words and <c>--option value</c> pairs (an option may repeat, e.g.
/// <c>--set</c>); <c>--flag</c> with no value is a switch.
/// </summary>
internal sealed class ParsedArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private ParsedArgs()
    {
    }

    public List<string> Positional { get; } = new();

    /// <summary>Parses <paramref name="args"/>; <paramref name="switches"/> are the options that take no value.</summary>
    public static ParsedArgs Parse(IReadOnlyList<string> args, params string[] switches)
    {
        var parsed = new ParsedArgs();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                parsed.Positional.Add(a);
                continue;
            }

            string name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }

            if (switches.Contains(name))
            {
                parsed._switches.Add(name);
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"The option --{name} needs a value.");
                }

                value = args[++i];
            }

            if (!parsed._options.TryGetValue(name, out var list))
            {
                parsed._options[name] = list = new List<string>();
            }

            list.Add(value);
        }

        return parsed;
    }

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var l) ? l[^1] : null;
    }

    public IReadOnlyList<string> Options(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var l) ? l : Array.Empty<string>();
    }

    public bool Switch(string name)
    {
        _used.Add(name);
        return _switches.Contains(name);
    }

    public int? IntOption(string name)
    {
        var v = Option(name);
        if (v is null)
        {
            return null;
        }

        return int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--{name} expects a whole number, not '{v}'.");
    }

    /// <summary>Throws when an option was given that the command never asked for.</summary>
    public void RejectUnknown(string command)
    {
        var unknown = _options.Keys.Concat(_switches).Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException($"'fedsec {command}' has no option {string.Join(", ", unknown.Select(u => "--" + u))}; see 'fedsec {command} --help'.");
        }
    }
}
