namespace FedSec.Torch.Reconstruction;

/// <summary>How close a reconstructed image is to an original: mean squared error and PSNR on pixels in [0, 1]. Pure.</summary>
internal static class ReconstructionQuality
{
    /// <summary>Mean squared error of two equally long pixel arrays.</summary>
    public static double Mse(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"Images of {a.Length} and {b.Length} values cannot be compared.");
        }

        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return sum / a.Length;
    }

    /// <summary>Peak signal-to-noise ratio for a peak of 1: 10 log₁₀(1 / MSE) dB (infinite for identical images).</summary>
    public static double Psnr(double mse) => mse <= 0 ? double.PositiveInfinity : 10 * Math.Log10(1 / mse);
}
