namespace FedSec.Data;

/// <summary>Checks shared by the partitioners, so each reports bad input the same way.</summary>
internal static class PartitionArguments
{
    /// <summary>Throws unless the labels are in range and there is at least one client and one sample per client.</summary>
    public static void Validate(int[] labels, int classCount, int clientCount, Random rng)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rng);
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "The class count must be at least 1.");
        }

        if (clientCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clientCount), clientCount, "The client count must be at least 1.");
        }

        if (labels.Length < clientCount)
        {
            throw new ArgumentException(
                $"Cannot give each of {clientCount} clients a sample from {labels.Length} samples; use at most {labels.Length} clients.", nameof(clientCount));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Label {labels[i]} of sample {i} is outside 0..{classCount - 1}.", nameof(labels));
            }
        }
    }

    /// <summary>The indices of each class, ascending.</summary>
    public static int[][] IndicesByClass(int[] labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (int l in labels)
        {
            counts[l]++;
        }

        var result = counts.Select(c => new int[c]).ToArray();
        var filled = new int[classCount];
        for (int i = 0; i < labels.Length; i++)
        {
            result[labels[i]][filled[labels[i]]++] = i;
        }

        return result;
    }

    /// <summary>Cuts <paramref name="items"/> into <paramref name="parts"/> contiguous parts whose sizes differ by at most one, larger first (numpy's array_split).</summary>
    public static int[][] SplitEvenly(int[] items, int parts)
    {
        var result = new int[parts][];
        int size = items.Length / parts, extra = items.Length % parts, start = 0;
        for (int p = 0; p < parts; p++)
        {
            int length = size + (p < extra ? 1 : 0);
            result[p] = items.AsSpan(start, length).ToArray();
            start += length;
        }

        return result;
    }
}
