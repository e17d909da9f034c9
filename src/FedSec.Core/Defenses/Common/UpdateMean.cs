using System.Numerics.Tensors;
using FedSec.Parameters;

namespace FedSec.Defenses.Common;

/// <summary>The plain (unweighted) mean of some updates' full weight vectors, accumulated in double. Pure.</summary>
public static class UpdateMean
{
    /// <summary>(1/|members|) Σ_{j ∈ members} w_j over the whole vector, buffers included.</summary>
    public static float[] Of(IReadOnlyList<ClientUpdate> updates, IReadOnlyList<int> members)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("The mean of no updates is undefined.", nameof(members));
        }

        int d = updates[members[0]].Weights.Length;
        var sum = new double[d];
        var tmp = new double[d];
        foreach (int j in members)
        {
            TensorPrimitives.ConvertChecked<float, double>(updates[j].Weights, tmp);
            TensorPrimitives.Add(sum, tmp, sum);
        }

        TensorPrimitives.Divide(sum, members.Count, sum);
        var result = new float[d];
        TensorPrimitives.ConvertTruncating<double, float>(sum, result);
        return result;
    }
}
