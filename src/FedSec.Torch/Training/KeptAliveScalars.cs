using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// Tensor-and-number operations that keep their <see cref="Scalar"/> alive through the native call. TorchSharp 0.107's
/// <c>tensor * 0.5</c>, <c>tensor / x</c>, <c>tensor + x</c> and <c>clamp_min(1)</c> convert the number into a Scalar
/// that nothing references once its handle is read, so a garbage collection on another thread may finalize it while
/// libtorch still reads it (the crash <see cref="KeptAliveSgd"/> works around in the optimizer step; TorchSharp's own
/// fix, holding the Scalar with <c>using</c>, is not in a released version served here). Each method runs the very
/// same native operation as the operator it replaces, so results are bit-identical; written for the operations that
/// run every training step or forward pass (losses, LoRA's scaling, attention's 1/√d).
/// </summary>
internal static class KeptAliveScalars
{
    /// <summary><paramref name="tensor"/> × <paramref name="factor"/> (<c>tensor * factor</c>).</summary>
    public static Tensor Times(this Tensor tensor, double factor) => Held(tensor, factor.ToScalar(), static (t, s) => t.mul(s));

    /// <summary><paramref name="tensor"/> ÷ <paramref name="divisor"/> (<c>tensor / divisor</c>).</summary>
    public static Tensor Over(this Tensor tensor, double divisor) => Held(tensor, divisor.ToScalar(), static (t, s) => t.div(s));

    /// <summary><paramref name="tensor"/> + <paramref name="addend"/> (<c>tensor + addend</c>: <c>add(addend, alpha: 1)</c>).</summary>
    public static Tensor Plus(this Tensor tensor, double addend)
    {
        using var one = 1.ToScalar();
        return Held(tensor, addend.ToScalar(), (t, s) => t.add(s, one));
    }

    /// <summary><paramref name="tensor"/> clamped from below at <paramref name="min"/> (<c>clamp_min(min)</c>).</summary>
    public static Tensor AtLeast(this Tensor tensor, int min) => Held(tensor, min.ToScalar(), static (t, s) => t.clamp_min(s));

    /// <summary>Whether each element equals <paramref name="value"/> (<c>eq(value)</c>).</summary>
    public static Tensor EqualTo(this Tensor tensor, long value) => Held(tensor, value.ToScalar(), static (t, s) => t.eq(s));

    // Runs the operation with the scalar referenced until it returns, then frees it.
    private static Tensor Held(Tensor tensor, Scalar scalar, Func<Tensor, Scalar, Tensor> operation)
    {
        using (scalar)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            return operation(tensor, scalar);
        }
    }
}
