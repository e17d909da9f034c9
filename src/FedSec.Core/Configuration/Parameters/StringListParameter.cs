namespace FedSec.Configuration.Parameters;

/// <summary>
/// One name or a list of names: a YAML scalar (<c>krum</c>), a YAML sequence (<c>[nnm, trimmed_mean]</c>), or
/// comma-separated text from the command line (<c>nnm,trimmed_mean</c>). Empty entries are dropped.
/// </summary>
public sealed class StringListParameter : Parameter<IReadOnlyList<string>>
{
    /// <summary>Declares the key.</summary>
    public StringListParameter(string key, IReadOnlyList<string> @default, string description)
        : base(key, @default, description)
    {
    }

    /// <inheritdoc />
    public override string TypeText => "name or list of names";

    /// <inheritdoc />
    public override bool TryParse(object raw, out IReadOnlyList<string> value, out string error)
    {
        value = Default;
        var names = new List<string>();
        switch (raw)
        {
            case string s:
                names.AddRange(s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                break;
            case IEnumerable<object?> items:
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        continue;
                    }

                    if (item is not string name)
                    {
                        error = $"{Show(raw)} holds {Show(item)}, which is not a name; expected {TypeText}.";
                        return false;
                    }

                    if (name.Trim().Length > 0)
                    {
                        names.Add(name.Trim());
                    }
                }

                break;
            default:
                error = $"{Show(raw)} is not a name or a list of names; expected {TypeText}.";
                return false;
        }

        value = names;
        error = string.Empty;
        return true;
    }
}
