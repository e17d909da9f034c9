using System.Globalization;

namespace FedSec.Configuration.Parameters;

/// <summary>A list of integers (a YAML sequence, or one integer, or "a,b,c" from the command line) with bounds per element.</summary>
public sealed class IntListParameter : Parameter<int[]>
{
    /// <summary>Declares the key.</summary>
    public IntListParameter(string key, int[] @default, string description, int min = int.MinValue, int max = int.MaxValue)
        : base(key, @default, description)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Smallest allowed element.</summary>
    public int Min { get; }

    /// <summary>Largest allowed element.</summary>
    public int Max { get; }

    /// <inheritdoc />
    public override string TypeText => Min == int.MinValue ? "list of int" : $"list of int ≥ {Min}";

    /// <inheritdoc />
    public override bool TryParse(object raw, out int[] value, out string error)
    {
        value = Default;
        IEnumerable<object?> items = raw switch
        {
            string s => s.Trim().Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            IEnumerable<object?> list => list,
            _ => Array.Empty<object?>(),
        };
        var result = new List<int>();
        foreach (var item in items)
        {
            if (item is not string t || !int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < Min || v > Max)
            {
                error = $"{Show(raw)} is not a list of whole numbers; expected {TypeText}.";
                return false;
            }

            result.Add(v);
        }

        value = result.ToArray();
        error = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public override bool Accepts(int[] value, out string error)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (int v in value)
        {
            if (v < Min || v > Max)
            {
                error = $"{v} is out of range; expected {TypeText}.";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }
}
