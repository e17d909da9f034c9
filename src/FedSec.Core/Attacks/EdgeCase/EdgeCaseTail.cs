using FedSec.Data;

namespace FedSec.Attacks.EdgeCase;

/// <summary>
/// The edge cases of a data set for the edge-case backdoor: the images of one class that lie farthest (Euclidean
/// distance on the pixels) from that class's mean image in the set, a stand-in for the low-density tail of the input
/// distribution that Wang et al. ("Attack of the Tails", NeurIPS 2020) take from another data set (ARDIS sevens, written
/// with a crossbar, for EMNIST). On MNIST the farthest sevens are unusual ones: crossed, slanted, thick, broken.
/// Deterministic (ties go to the lower index). Pure kernel.
/// </summary>
internal static class EdgeCaseTail
{
    /// <summary>
    /// Indices (ascending) of the round(<paramref name="share"/> × count) images of class <paramref name="sourceLabel"/>
    /// farthest from their mean, at least one when the class is present; empty when it is absent.
    /// </summary>
    public static int[] Indices(ImageSet set, int sourceLabel, double share)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "The tail's share must be in (0, 1].");
        }

        var members = Enumerable.Range(0, set.Count).Where(i => set.Labels[i] == sourceLabel).ToArray();
        if (members.Length == 0)
        {
            return Array.Empty<int>();
        }

        int size = set.ImageSize;
        var mean = new double[size];
        foreach (var i in members)
        {
            var image = set.Image(i);
            for (int p = 0; p < size; p++)
            {
                mean[p] += image[p];
            }
        }

        for (int p = 0; p < size; p++)
        {
            mean[p] /= members.Length;
        }

        var distance = new double[members.Length];
        for (int m = 0; m < members.Length; m++)
        {
            var image = set.Image(members[m]);
            double sum = 0;
            for (int p = 0; p < size; p++)
            {
                double d = image[p] - mean[p];
                sum += d * d;
            }

            distance[m] = sum;
        }

        int take = Math.Max(1, (int)Math.Round(share * members.Length, MidpointRounding.AwayFromZero));
        return Enumerable.Range(0, members.Length)
            .OrderByDescending(m => distance[m])
            .ThenBy(m => members[m])
            .Take(take)
            .Select(m => members[m])
            .Order()
            .ToArray();
    }
}
