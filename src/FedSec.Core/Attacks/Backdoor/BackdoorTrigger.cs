using FedSec.Data;

namespace FedSec.Attacks.Backdoor;

/// <summary>
/// A pixel-pattern backdoor trigger (Gu, Dolan-Gavitt and Garg, "BadNets", 2017): a mask of pixels within a small
/// rectangle, placed at a <see cref="TriggerPosition"/>, whose pixels are set to <see cref="Value"/> in every channel.
/// The engine uses it (through <see cref="Stages.IBackdoorAttack"/>) to build the triggered test set for the attack
/// success rate.
/// </summary>
public sealed class BackdoorTrigger
{
    private readonly bool[,] _mask;

    /// <summary>Creates a trigger from its mask (rows × columns), pixel value and position.</summary>
    public BackdoorTrigger(bool[,] mask, float value, TriggerPosition position)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(position);
        if (mask.GetLength(0) == 0 || mask.GetLength(1) == 0)
        {
            throw new ArgumentException("A trigger's mask must have at least one row and one column.", nameof(mask));
        }

        _mask = (bool[,])mask.Clone();
        Value = value;
        Position = position;
    }

    /// <summary>Height of the trigger's rectangle in pixels.</summary>
    public int Height => _mask.GetLength(0);

    /// <summary>Width of the trigger's rectangle in pixels.</summary>
    public int Width => _mask.GetLength(1);

    /// <summary>The value its pixels get (images are in [0, 1]; 1 is white).</summary>
    public float Value { get; }

    /// <summary>Where it sits.</summary>
    public TriggerPosition Position { get; }

    /// <summary>A square trigger of <paramref name="size"/> × <paramref name="size"/> pixels, filled or a checkerboard.</summary>
    public static BackdoorTrigger Create(TriggerPattern pattern, int size, float value, TriggerPosition position)
    {
        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A trigger is at least one pixel wide.");
        }

        var mask = new bool[size, size];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                mask[r, c] = pattern == TriggerPattern.Square || (r + c) % 2 == 0;
            }
        }

        return new BackdoorTrigger(mask, value, position);
    }

    /// <summary>Whether the mask sets the pixel at (row, column) of the trigger's rectangle.</summary>
    public bool IsSet(int row, int col) => _mask[row, col];

    /// <summary>Why the trigger does not fit an image of this size, or null when it fits.</summary>
    public string? Misfit(int imageHeight, int imageWidth)
    {
        var (r0, c0) = Position.Origin(imageHeight, imageWidth, Height, Width);
        if (r0 < 0 || c0 < 0 || r0 + Height > imageHeight || c0 + Width > imageWidth)
        {
            return $"A trigger of {Height}×{Width} pixels at {Position} does not fit images of {imageHeight}×{imageWidth} pixels.";
        }

        return null;
    }

    /// <summary>The (row, column) of every pixel the trigger sets in an image of the given size, row by row.</summary>
    public IReadOnlyList<(int Row, int Col)> Pixels(int imageHeight, int imageWidth)
    {
        if (Misfit(imageHeight, imageWidth) is { } why)
        {
            throw new ArgumentException(why);
        }

        var (r0, c0) = Position.Origin(imageHeight, imageWidth, Height, Width);
        var pixels = new List<(int, int)>();
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < Width; c++)
            {
                if (_mask[r, c])
                {
                    pixels.Add((r0 + r, c0 + c));
                }
            }
        }

        return pixels;
    }

    /// <summary>Stamps the trigger, in place, on the images of <paramref name="set"/> at <paramref name="indices"/> (labels untouched).</summary>
    public void Stamp(ImageSet set, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(indices);
        var pixels = Pixels(set.Height, set.Width);
        int plane = set.Height * set.Width;
        foreach (var index in indices)
        {
            var image = set.Image(index);
            for (int ch = 0; ch < set.Channels; ch++)
            {
                foreach (var (r, c) in pixels)
                {
                    image[(ch * plane) + (r * set.Width) + c] = Value;
                }
            }
        }
    }

    /// <summary>A copy of <paramref name="set"/> with the trigger stamped on every image (labels kept).</summary>
    public ImageSet StampAll(ImageSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var copy = set.Clone();
        Stamp(copy, Enumerable.Range(0, copy.Count).ToArray());
        return copy;
    }
}
