using System.Numerics;

namespace FedSec.Defenses.RobustLearningRate;

/// <summary>
/// The robust-learning-rate kernel (Ozdayi, Kantarcioglu and Gel, AAAI 2021), pure: per coordinate j, the vote
/// Σᵢ sign(wᵢⱼ − Gⱼ) over the clients' updates; where |vote| &lt; θ the server learning rate is −1, else +1; the
/// result is G + lr ⊙ Σᵢ αᵢ(wᵢ − G). One SIMD pass over all clients per column block, on all cores.
/// </summary>
internal static class SignVote
{
    private const int Block = 4096;

    /// <summary>The new trainable vector; <paramref name="alphas"/> are the normalised aggregation weights.</summary>
    public static float[] Apply(IReadOnlyList<float[]> weights, double[] alphas, float[] global, int threshold)
    {
        int n = weights.Count;
        int d = global.Length;
        var a = alphas.Select(x => (float)x).ToArray();
        var result = new float[d];
        int blocks = (d + Block - 1) / Block;
        Parallel.For(0, blocks, b =>
        {
            int start = b * Block, end = Math.Min(d, start + Block);
            int vc = Vector<float>.Count;
            int j = start;
            var theta = new Vector<int>(threshold);
            for (; j + vc <= end; j += vc)
            {
                var g = new Vector<float>(global, j);
                var vote = Vector<int>.Zero;
                var sum = Vector<float>.Zero;
                for (int i = 0; i < n; i++)
                {
                    var diff = new Vector<float>(weights[i], j) - g;

                    // Comparison masks are −1 where true: sign(diff) = −(diff > 0) − (−(diff < 0)).
                    vote = vote - Vector.GreaterThan(diff, Vector<float>.Zero) + Vector.LessThan(diff, Vector<float>.Zero);
                    sum = Vector.FusedMultiplyAdd(diff, new Vector<float>(a[i]), sum);
                }

                var lr = Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(vote), theta), new Vector<float>(-1f), Vector<float>.One);
                (g + (lr * sum)).CopyTo(result, j);
            }

            for (; j < end; j++)
            {
                int vote = 0;
                float sum = 0;
                for (int i = 0; i < n; i++)
                {
                    float diff = weights[i][j] - global[j];
                    vote += Math.Sign(diff);
                    sum = MathF.FusedMultiplyAdd(diff, a[i], sum);
                }

                result[j] = global[j] + (Math.Abs(vote) < threshold ? -sum : sum);
            }
        });
        return result;
    }
}
