namespace FedSec.Aggregation;

/// <summary>Cosine similarities cos(x, y) = ⟨x, y⟩ / (‖x‖‖y‖) from <see cref="DotProduct"/>, clamped to [−1, 1].</summary>
public static class CosineSimilarity
{
    /// <summary>cos(x, y); 0 when either vector is zero (no direction to compare).</summary>
    public static double Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double nx = VectorNorms.L2(x), ny = VectorNorms.L2(y);
        return nx == 0 || ny == 0 ? 0 : Math.Clamp(DotProduct.Of(x, y) / (nx * ny), -1.0, 1.0);
    }

    /// <summary>
    /// The n × n matrix of cosine similarities, from one Gram matrix. A zero vector has similarity 0 with every vector,
    /// itself included; every other diagonal entry is 1.
    /// </summary>
    public static double[,] Matrix(IReadOnlyList<float[]> vectors)
    {
        var g = DotProduct.Matrix(vectors);
        int n = g.GetLength(0);
        var norms = new double[n];
        for (int i = 0; i < n; i++)
        {
            norms[i] = Math.Sqrt(g[i, i]);
        }

        var c = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                c[i, j] = norms[i] == 0 || norms[j] == 0 ? 0 : Math.Clamp(g[i, j] / (norms[i] * norms[j]), -1.0, 1.0);
            }

            if (norms[i] > 0)
            {
                c[i, i] = 1;
            }
        }

        return c;
    }
}
