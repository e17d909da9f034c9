using System.Globalization;

namespace FedSec.Attacks.Backdoor;

/// <summary>A trigger's place: a corner, or its top-left pixel at column <paramref name="X"/>, row <paramref name="Y"/>.</summary>
/// <param name="Anchor">The corner, or <see cref="TriggerAnchor.At"/>.</param>
/// <param name="X">Column of the trigger's top-left pixel (for <see cref="TriggerAnchor.At"/>).</param>
/// <param name="Y">Row of the trigger's top-left pixel (for <see cref="TriggerAnchor.At"/>).</param>
public sealed record TriggerPosition(TriggerAnchor Anchor, int X = 0, int Y = 0)
{
    /// <summary>The words and form accepted by <see cref="TryParse"/>.</summary>
    public const string Forms = "top_left | top_right | bottom_left | bottom_right | x,y";

    /// <summary>Parses a corner name or "x,y" (a string, or a YAML list of two integers).</summary>
    public static bool TryParse(object raw, out TriggerPosition position, out string error)
    {
        position = new TriggerPosition(TriggerAnchor.BottomRight);
        error = string.Empty;
        string[] parts;
        switch (raw)
        {
            case string s:
                switch (s.Trim().ToLowerInvariant().Replace('-', '_'))
                {
                    case "top_left":
                        position = new(TriggerAnchor.TopLeft);
                        return true;
                    case "top_right":
                        position = new(TriggerAnchor.TopRight);
                        return true;
                    case "bottom_left":
                        position = new(TriggerAnchor.BottomLeft);
                        return true;
                    case "bottom_right":
                        position = new(TriggerAnchor.BottomRight);
                        return true;
                }

                parts = s.Trim().Trim('[', ']', '(', ')').Split(',', StringSplitOptions.TrimEntries);
                break;
            case IEnumerable<object?> list:
                parts = list.Select(o => o as string ?? string.Empty).ToArray();
                break;
            default:
                parts = Array.Empty<string>();
                break;
        }

        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int x)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int y)
            && x >= 0 && y >= 0)
        {
            position = new(TriggerAnchor.At, x, y);
            return true;
        }

        error = $"'{(raw is string r ? r : string.Join(",", parts))}' is not a trigger position; expected {Forms} (x = column, y = row of the trigger's top-left pixel, both ≥ 0).";
        return false;
    }

    /// <summary>The (row, column) of the trigger's top-left pixel in an image of the given size.</summary>
    public (int Row, int Col) Origin(int imageHeight, int imageWidth, int triggerHeight, int triggerWidth) => Anchor switch
    {
        TriggerAnchor.TopLeft => (0, 0),
        TriggerAnchor.TopRight => (0, imageWidth - triggerWidth),
        TriggerAnchor.BottomLeft => (imageHeight - triggerHeight, 0),
        TriggerAnchor.BottomRight => (imageHeight - triggerHeight, imageWidth - triggerWidth),
        _ => (Y, X),
    };

    /// <inheritdoc />
    public override string ToString() => Anchor switch
    {
        TriggerAnchor.TopLeft => "top_left",
        TriggerAnchor.TopRight => "top_right",
        TriggerAnchor.BottomLeft => "bottom_left",
        TriggerAnchor.BottomRight => "bottom_right",
        _ => string.Create(CultureInfo.InvariantCulture, $"{X},{Y}"),
    };
}
