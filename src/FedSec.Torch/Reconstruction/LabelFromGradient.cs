namespace FedSec.Torch.Reconstruction;

/// <summary>
/// iDLG's label extraction (Zhao, Mopuri and Bilen, "iDLG: Improved Deep Leakage from Gradients", 2020). For
/// cross-entropy on one sample, the gradient of the logits is p − onehot(c): negative only at the true class c. The
/// last layer's bias gradient is exactly that vector, and row i of its weight gradient is (pᵢ − [i = c]) · h with
/// h the layer's input; when h ≥ 0 (after a sigmoid or ReLU) the row sums have the same signs, so the true class is
/// the index of the smallest (the only negative) one. Pure kernel.
/// </summary>
internal static class LabelFromGradient
{
    /// <summary>
    /// The label: argmin of the row sums of the last visible rank-2 tensor with <paramref name="classCount"/> rows
    /// (the classifier's weight), else argmin of the last visible rank-1 tensor of that length (its bias).
    /// </summary>
    /// <param name="gradients">One gradient per trainable tensor (null when protected).</param>
    /// <param name="shapes">The shape of each trainable tensor.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <exception cref="InvalidOperationException">No visible tensor has the classifier's shape.</exception>
    public static int Infer(IReadOnlyList<float[]?> gradients, IReadOnlyList<IReadOnlyList<long>> shapes, int classCount)
    {
        for (int t = gradients.Count - 1; t >= 0; t--)
        {
            if (gradients[t] is { } g && shapes[t].Count == 2 && shapes[t][0] == classCount)
            {
                int columns = (int)shapes[t][1];
                var sums = new double[classCount];
                for (int i = 0; i < classCount; i++)
                {
                    for (int j = 0; j < columns; j++)
                    {
                        sums[i] += g[(i * columns) + j];
                    }
                }

                return ArgMin(sums);
            }
        }

        for (int t = gradients.Count - 1; t >= 0; t--)
        {
            if (gradients[t] is { } g && shapes[t].Count == 1 && shapes[t][0] == classCount)
            {
                return ArgMin(g.Select(v => (double)v).ToArray());
            }
        }

        throw new InvalidOperationException(
            $"iDLG reads the label from the gradient of the last layer (a {classCount}-row weight or a {classCount}-element bias), but no such tensor is visible: it is missing or listed in protected_layers.");
    }

    private static int ArgMin(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
