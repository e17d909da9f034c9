using FedSec.Data;
using FedSec.Randomness;

namespace FedSec.Attacks.Backdoor;

/// <summary>
/// The BadNets poisoning step shared by the backdoor, DBA and model replacement: a seeded choice of
/// round(fraction × count) samples gets the trigger and the target label; the rest stay clean, so the model learns both
/// the main task and the backdoor.
/// </summary>
internal static class BackdoorPoisoner
{
    /// <summary>Poisons <paramref name="data"/> in place; returns the poisoned indices, ascending.</summary>
    public static int[] Poison(ImageSet data, BackdoorTrigger trigger, double fraction, int targetLabel, Random rng)
    {
        int k = (int)Math.Round(fraction * data.Count, MidpointRounding.AwayFromZero);
        var chosen = rng.Choose(data.Count, Math.Min(k, data.Count));
        trigger.Stamp(data, chosen);
        foreach (var i in chosen)
        {
            data.Labels[i] = targetLabel;
        }

        return chosen;
    }

    /// <summary>The images of <paramref name="cleanTest"/> whose class is not the target, copied and stamped (true labels kept).</summary>
    public static ImageSet TriggeredTestSet(ImageSet cleanTest, BackdoorTrigger trigger, int targetLabel)
    {
        var keep = new List<int>();
        for (int i = 0; i < cleanTest.Count; i++)
        {
            if (cleanTest.Labels[i] != targetLabel)
            {
                keep.Add(i);
            }
        }

        var subset = cleanTest.Subset(keep);
        trigger.Stamp(subset, Enumerable.Range(0, subset.Count).ToArray());
        return subset;
    }
}
