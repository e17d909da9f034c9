using System.Buffers;
using System.Numerics.Tensors;
using FedSec.Parameters;

namespace FedSec.Defenses.Common;

/// <summary>The plain (unweighted) mean of some updates' full weight vectors, accumulated in double. Pure.</summary>
public static class UpdateMean
{
    /// <summary>(1/|members|) Σ_{j ∈ members} w_j over the whole vector, buffers included, summed in double.</summary>
    /// <param name="updates">The updates.</param>
    /// <param name="members">The indices of the updates to average.</param>
    /// <param name="allocate">Gives the d-element result vector (every element is written); null allocates a new array.</param>
    public static float[] Of(IReadOnlyList<ClientUpdate> updates, IReadOnlyList<int> members, Func<int, float[]>? allocate = null)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("The mean of no updates is undefined.", nameof(members));
        }

        int d = updates[members[0]].Weights.Length;
        var sumArray = ArrayPool<double>.Shared.Rent(d);
        var tmpArray = ArrayPool<double>.Shared.Rent(d);
        try
        {
            var sum = sumArray.AsSpan(0, d);
            var tmp = tmpArray.AsSpan(0, d);
            sum.Clear();
            foreach (int j in members)
            {
                TensorPrimitives.ConvertChecked<float, double>(updates[j].Weights, tmp);
                TensorPrimitives.Add(sum, tmp, sum);
            }

            TensorPrimitives.Divide(sum, members.Count, sum);
            var result = allocate?.Invoke(d) ?? new float[d];
            TensorPrimitives.ConvertTruncating<double, float>(sum, result);
            return result;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sumArray);
            ArrayPool<double>.Shared.Return(tmpArray);
        }
    }
}
