using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Attacks.AlterMin;

/// <summary>
/// AlterMin's targeted samples: the first <c>alter_min_targets</c> samples of the test set (in its order) whose class is
/// not the target. The paper's code draws them at random from the test set; taking the first ones makes the choice
/// independent of anything but the data set, so the metric and the attacker agree without sharing a stream.
/// </summary>
internal static class AlterMinTargets
{
    /// <summary>The positions in <paramref name="test"/> of the targeted samples.</summary>
    /// <exception cref="ConfigException">The target class does not exist, or too few samples of other classes.</exception>
    public static int[] Select(ImageSet test, int targetLabel, int count)
    {
        if (targetLabel >= test.ClassCount)
        {
            throw new ConfigException("attack_args.target_label", $"Class {targetLabel} does not exist: the data set has {test.ClassCount} classes, 0 to {test.ClassCount - 1}.");
        }

        var chosen = new List<int>(count);
        for (int i = 0; i < test.Count && chosen.Count < count; i++)
        {
            if (test.Labels[i] != targetLabel)
            {
                chosen.Add(i);
            }
        }

        if (chosen.Count < count)
        {
            throw new ConfigException("attack_args.alter_min_targets", $"{count} targeted samples asked for, but the test set has only {chosen.Count} samples outside class {targetLabel}.");
        }

        return chosen.ToArray();
    }

    /// <summary>The targeted samples labelled with the target: the malicious objective's data.</summary>
    public static ImageSet Relabelled(ImageSet targets, int targetLabel)
    {
        var set = targets.Clone();
        Array.Fill(set.Labels, targetLabel);
        return set;
    }
}
