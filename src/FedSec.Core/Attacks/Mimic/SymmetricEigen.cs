namespace FedSec.Attacks.Mimic;

/// <summary>Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (exact to rounding, deterministic).</summary>
internal static class SymmetricEigen
{
    /// <summary>The eigenvector of the largest eigenvalue (unit length), and that eigenvalue.</summary>
    public static (double[] Vector, double Value) Top(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            v[i, i] = 1;
            for (int j = 0; j < n; j++)
            {
                scale += a[i, j] * a[i, j];
            }
        }

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off <= 1e-30 * scale)
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }

                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    Rotate(a, v, p, q, c, s, n);
                }
            }
        }

        int top = 0;
        for (int i = 1; i < n; i++)
        {
            if (a[i, i] > a[top, top])
            {
                top = i;
            }
        }

        var vector = new double[n];
        for (int i = 0; i < n; i++)
        {
            vector[i] = v[i, top];
        }

        return (vector, a[top, top]);
    }

    // A ← PᵀAP and V ← VP for the rotation P in the (p, q) plane.
    private static void Rotate(double[,] a, double[,] v, int p, int q, double c, double s, int n)
    {
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = (c * akp) - (s * akq);
            a[k, q] = (s * akp) + (c * akq);
        }

        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = (c * apk) - (s * aqk);
            a[q, k] = (s * apk) + (c * aqk);
        }

        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = (c * vkp) - (s * vkq);
            v[k, q] = (s * vkp) + (c * vkq);
        }
    }
}
