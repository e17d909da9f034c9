using MathNet.Numerics.LinearAlgebra;

namespace FedSec.Attacks.Mimic;

/// <summary>
/// The top eigenpair of a small symmetric matrix, from MathNet.Numerics' symmetric eigendecomposition (Householder
/// tridiagonalisation and QL, managed code: deterministic). An eigenvector's sign is arbitrary; it is fixed here so
/// that results reproduce: the component of largest magnitude (the first of equals) is made positive.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>The eigenvector of the largest eigenvalue (unit length, sign as above), and that eigenvalue.</summary>
    public static (double[] Vector, double Value) Top(double[,] matrix)
    {
        var evd = Matrix<double>.Build.DenseOfArray(matrix).Evd(Symmetricity.Symmetric);
        int n = matrix.GetLength(0);
        int top = 0;
        for (int i = 1; i < n; i++)
        {
            if (evd.EigenValues[i].Real > evd.EigenValues[top].Real)
            {
                top = i;
            }
        }

        var vector = evd.EigenVectors.Column(top).ToArray();
        int largest = 0;
        for (int i = 1; i < n; i++)
        {
            if (Math.Abs(vector[i]) > Math.Abs(vector[largest]))
            {
                largest = i;
            }
        }

        if (vector[largest] < 0)
        {
            for (int i = 0; i < n; i++)
            {
                vector[i] = -vector[i];
            }
        }

        return (vector, evd.EigenValues[top].Real);
    }
}
