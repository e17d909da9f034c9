using FedSec.Configuration;
using FedSec.Data;
using FedSec.Randomness;

namespace FedSec.Torch.Triggers;

/// <summary>
/// The sample choices shared by the optimised-trigger backdoors, as the BadNets poisoner makes them: a seeded choice of
/// round(fraction × count) training samples, and the test images whose class is not the target.
/// </summary>
internal static class TriggerSamples
{
    /// <summary>The indices to poison, ascending.</summary>
    public static int[] Choose(int count, double fraction, Random rng)
    {
        int k = (int)Math.Round(fraction * count, MidpointRounding.AwayFromZero);
        return rng.Choose(count, Math.Min(k, count));
    }

    /// <summary>A copy of the images of <paramref name="test"/> whose true class is not <paramref name="target"/>.</summary>
    public static ImageSet NonTarget(ImageSet test, int target)
    {
        ArgumentNullException.ThrowIfNull(test);
        var keep = new List<int>();
        for (int i = 0; i < test.Count; i++)
        {
            if (test.Labels[i] != target)
            {
                keep.Add(i);
            }
        }

        return test.Subset(keep);
    }

    /// <summary>Checks the target class against the data set, naming the key.</summary>
    public static void CheckTarget(int target, ImageSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (target >= data.ClassCount)
        {
            throw new ConfigException("attack_args.target_label", $"Class {target} does not exist: the data set has {data.ClassCount} classes, 0 to {data.ClassCount - 1}.");
        }
    }
}
