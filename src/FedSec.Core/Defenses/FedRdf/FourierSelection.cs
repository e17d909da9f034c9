namespace FedSec.Defenses.FedRdf;

/// <summary>
/// FedRDF's Fourier step as the authors' published implementation computes it: the n client values of a coordinate are
/// sorted, the DFT sample frequencies of n points are taken (NumPy's <c>fftfreq(n)</c>: k/n for k &lt; ⌈n/2⌉, (k − n)/n
/// otherwise), and the sorted value at the index of the first frequency of largest magnitude is the coordinate's
/// aggregate. That index depends on n alone: ⌊n/2⌋, the middle value for odd n and the upper middle one for even n.
/// </summary>
internal static class FourierSelection
{
    /// <summary>NumPy's <c>fftfreq(n)</c> with sample spacing 1.</summary>
    public static double[] Frequencies(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var f = new double[n];
        int positive = (n + 1) / 2;
        for (int k = 0; k < n; k++)
        {
            f[k] = (k < positive ? k : k - n) / (double)n;
        }

        return f;
    }

    /// <summary>The index of the first frequency of largest magnitude (NumPy's <c>argmax(abs(fftfreq(n)))</c>).</summary>
    public static int HighestFrequencyIndex(int n)
    {
        var f = Frequencies(n);
        int best = 0;
        for (int k = 1; k < n; k++)
        {
            if (Math.Abs(f[k]) > Math.Abs(f[best]))
            {
                best = k;
            }
        }

        return best;
    }
}
