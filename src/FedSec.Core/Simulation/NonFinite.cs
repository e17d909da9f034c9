using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>Finds the first non-finite value of a flat model and names its position.</summary>
internal static class NonFinite
{
    /// <summary>The index of the first NaN or infinity, or -1 when every value is finite.</summary>
    public static int FirstIndex(ReadOnlySpan<float> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (!float.IsFinite(weights[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>E.g. "NaN at conv1.weight[17]".</summary>
    public static string Describe(ReadOnlySpan<float> weights, int index, ParameterLayout layout)
    {
        var entry = layout.Entries.Last(e => e.Offset <= index);
        return FormattableString.Invariant($"{weights[index]} at {entry.Name}[{index - entry.Offset}]");
    }
}
