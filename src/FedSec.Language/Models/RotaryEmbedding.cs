using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Language.Models;

/// <summary>
/// Rotary position embeddings (Su et al., "RoFormer", 2021) in GPT-NeoX's form: the first <c>rotary_ndims</c>
/// dimensions of each head's query and key are rotated, the two halves of that slice paired (<c>rotate_half</c>),
/// with frequencies <c>base^(−2i / rotary_ndims)</c>; the other dimensions pass through. Recomputed per sequence
/// length, so a checkpoint's <c>rotary_emb.inv_freq</c> buffer is not needed.
/// </summary>
internal static class RotaryEmbedding
{
    /// <summary>cos and sin tables, each (<paramref name="length"/> × <paramref name="dimensions"/>).</summary>
    public static (Tensor Cos, Tensor Sin) Tables(int length, int dimensions, double rotaryBase, Device device)
    {
        using var scope = NewDisposeScope();
        var invFreq = pow(rotaryBase, KeptAliveScalars.Range(0, dimensions, 2, ScalarType.Float32, device).Over(dimensions)).reciprocal();
        var positions = KeptAliveScalars.Range(0, length, 1, ScalarType.Float32, device);
        var freqs = outer(positions, invFreq);
        var angles = cat([freqs, freqs], dim: -1);
        return (angles.cos().MoveToOuterDisposeScope(), angles.sin().MoveToOuterDisposeScope());
    }

    /// <summary>Rotates the first <c>cos.shape[-1]</c> dimensions of <paramref name="x"/> (batch × heads × length × head size).</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        long rotary = cos.shape[^1];
        if (rotary == 0)
        {
            return x.alias().MoveToOuterDisposeScope();
        }

        var rotated = x[.., .., .., ..(int)rotary];
        var half = rotary / 2;
        var x1 = rotated[.., .., .., ..(int)half];
        var x2 = rotated[.., .., .., (int)half..];
        var turned = cat([-x2, x1], dim: -1);
        var result = (rotated * cos).Plus(turned * sin);
        if (rotary < x.shape[^1])
        {
            result = cat([result, x[.., .., .., (int)rotary..]], dim: -1);
        }

        return result.MoveToOuterDisposeScope();
    }
}
