using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Torch.Triggers.A3fl;

/// <summary>
/// A3FL's trigger: a pattern t over the whole image (C × H × W, pixels in [0, 1]) and a binary mask m (H × W) of the
/// square region it covers; a triggered image is x' = t·m + (1 − m)·x. The mask is fixed (the authors' code never
/// changes it); the pattern starts at 0.5 in the region and is what the attack optimises.
/// </summary>
internal sealed class A3flTrigger
{
    private A3flTrigger(float[] pattern, float[] mask, int channels, int height, int width)
    {
        Pattern = pattern;
        Mask = mask;
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>The pattern, C × H × W, in [0, 1].</summary>
    public float[] Pattern { get; }

    /// <summary>The mask, H × W, 1 in the trigger's region and 0 elsewhere.</summary>
    public float[] Mask { get; }

    /// <summary>Channels of the images.</summary>
    public int Channels { get; }

    /// <summary>Height of the images.</summary>
    public int Height { get; }

    /// <summary>Width of the images.</summary>
    public int Width { get; }

    /// <summary>The initial trigger for images of the given shape: a size × size region at the position, pattern 0.5.</summary>
    /// <exception cref="ConfigException">The region does not fit the images (names <c>attack_args.trigger_size</c>).</exception>
    public static A3flTrigger Initial(int size, TriggerPosition position, int channels, int height, int width)
    {
        var region = BackdoorTrigger.Create(TriggerPattern.Square, size, 1f, position);
        if (region.Misfit(height, width) is { } why)
        {
            throw new ConfigException("attack_args.trigger_size", why + " Use a smaller trigger_size or another trigger_position.");
        }

        var mask = new float[height * width];
        foreach (var (r, c) in region.Pixels(height, width))
        {
            mask[(r * width) + c] = 1f;
        }

        var pattern = new float[channels * height * width];
        for (int ch = 0; ch < channels; ch++)
        {
            for (int p = 0; p < mask.Length; p++)
            {
                pattern[(ch * mask.Length) + p] = 0.5f * mask[p];
            }
        }

        return new A3flTrigger(pattern, mask, channels, height, width);
    }

    /// <summary>The same mask with another pattern (values outside the mask are kept as given; they have no effect).</summary>
    public A3flTrigger WithPattern(float[] pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length != Pattern.Length)
        {
            throw new ArgumentException($"A pattern of {pattern.Length} values does not fit images of {Channels}×{Height}×{Width}.", nameof(pattern));
        }

        return new A3flTrigger((float[])pattern.Clone(), Mask, Channels, Height, Width);
    }

    /// <summary>Stamps x' = t·m + (1 − m)·x, in place, on the images of <paramref name="set"/> at <paramref name="indices"/>.</summary>
    public void Stamp(ImageSet set, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(indices);
        if (set.Channels != Channels || set.Height != Height || set.Width != Width)
        {
            throw new ArgumentException($"The trigger is for {Channels}×{Height}×{Width} images, the set holds {set.Channels}×{set.Height}×{set.Width}.", nameof(set));
        }

        int plane = Height * Width;
        foreach (var index in indices)
        {
            var image = set.Image(index);
            for (int ch = 0; ch < Channels; ch++)
            {
                for (int p = 0; p < plane; p++)
                {
                    float m = Mask[p];
                    int k = (ch * plane) + p;
                    image[k] = (Pattern[k] * m) + ((1 - m) * image[k]);
                }
            }
        }
    }
}
