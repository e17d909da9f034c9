using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// Tensor-and-number operations that keep their <see cref="Scalar"/> alive through the native call. TorchSharp 0.107's
/// <c>tensor * 0.5</c>, <c>tensor / x</c>, <c>tensor + x</c> and <c>clamp_min(1)</c> convert the number into a Scalar
/// that nothing references once its handle is read, so a garbage collection on another thread may finalize it while
/// libtorch still reads it (the crash <see cref="KeptAliveSgd"/> works around in the optimizer step; TorchSharp's own
/// fix, holding the Scalar with <c>using</c>, is not in a released version served here). Each method runs the very
/// same native operation as the operator it replaces, so results are bit-identical. FedSec's assemblies make no implicit
/// Scalar conversion at all: <c>ImplicitScalarTests</c> reads their IL and fails on one.
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

    /// <summary>
    /// <paramref name="tensor"/> + <paramref name="other"/> (<c>tensor + other</c>, which TorchSharp runs as
    /// <c>add(other, alpha: 1)</c> with an alpha Scalar it holds no longer than reading its handle).
    /// </summary>
    public static Tensor Plus(this Tensor tensor, Tensor other) => Held(tensor, 1.ToScalar(), (t, s) => t.add(other, s));

    /// <summary><paramref name="tensor"/> − <paramref name="value"/> (<c>tensor - value</c>: <c>sub(value)</c>).</summary>
    public static Tensor Minus(this Tensor tensor, double value) => Held(tensor, value.ToScalar(), static (t, s) => t.sub(s));

    /// <summary>Adds <paramref name="other"/> to <paramref name="tensor"/> in place (<c>add_(other)</c>); returns it.</summary>
    public static Tensor AddInPlace(this Tensor tensor, Tensor other) => Held(tensor, 1.ToScalar(), (t, s) => t.add_(other, s));

    /// <summary>Adds <paramref name="other"/> to <paramref name="tensor"/> in place (<c>add_(other)</c>, alpha 1 held); returns it.</summary>
    public static Tensor AddInPlace(this Tensor tensor, Scalar other) => Held(tensor, 1.ToScalar(), (t, s) => t.add_(other, s));

    /// <summary><paramref name="tensor"/> clamped from below at <paramref name="min"/> (<c>clamp_min(min)</c>).</summary>
    public static Tensor AtLeast(this Tensor tensor, int min) => Held(tensor, min.ToScalar(), static (t, s) => t.clamp_min(s));

    /// <summary>Whether each element equals <paramref name="value"/> (<c>eq(value)</c>).</summary>
    public static Tensor EqualTo(this Tensor tensor, long value) => Held(tensor, value.ToScalar(), static (t, s) => t.eq(s));

    /// <summary>Whether each element exceeds <paramref name="value"/> (<c>tensor &gt; value</c>: <c>gt(value)</c>).</summary>
    public static Tensor Above(this Tensor tensor, double value) => Held(tensor, value.ToScalar(), static (t, s) => t.gt(s));

    /// <summary><paramref name="value"/> − <paramref name="tensor"/> (<c>value - tensor</c>: <c>tensor.negative().add(value)</c>).</summary>
    public static Tensor SubtractedFrom(this Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var negative = tensor.negative();
        return negative.Plus(value);
    }

    /// <summary><paramref name="tensor"/> clamped to [<paramref name="min"/>, <paramref name="max"/>] (<c>clamp(min, max)</c>).</summary>
    public static Tensor Clamped(this Tensor tensor, double min, double max)
    {
        using var upper = max.ToScalar();
        return Held(tensor, min.ToScalar(), (t, s) => t.clamp(s, upper));
    }

    /// <summary>Divides <paramref name="tensor"/> by <paramref name="divisor"/> in place (<c>div_(divisor)</c>); returns it.</summary>
    public static Tensor DivideInPlace(this Tensor tensor, double divisor) => Held(tensor, divisor.ToScalar(), static (t, s) => t.div_(s));

    /// <summary>Fills <paramref name="tensor"/> with <paramref name="value"/> in place (<c>fill_(value)</c>); returns it.</summary>
    public static Tensor FillInPlace(this Tensor tensor, double value) => Held(tensor, value.ToScalar(), static (t, s) => t.fill_(s));

    /// <summary><paramref name="tensor"/> with <paramref name="value"/> where <paramref name="mask"/> is true (<c>masked_fill(mask, value)</c>).</summary>
    public static Tensor MaskedFill(this Tensor tensor, Tensor mask, double value) => Held(tensor, value.ToScalar(), (t, s) => t.masked_fill(mask, s));

    /// <summary>A tensor of <paramref name="shape"/> holding <paramref name="value"/> everywhere (<c>torch.full(shape, value, dtype)</c>).</summary>
    public static Tensor Full(long[] shape, int value, ScalarType dtype)
    {
        using var held = value.ToScalar();
        return full(shape, held, dtype);
    }

    /// <summary><paramref name="start"/>, <paramref name="start"/> + <paramref name="step"/>, ... below <paramref name="stop"/> (<c>torch.arange(start, stop, step)</c>).</summary>
    public static Tensor Range(int start, int stop, int step, ScalarType dtype, Device device)
    {
        using var first = start.ToScalar();
        using var end = stop.ToScalar();
        using var increment = step.ToScalar();
        return arange(first, end, increment, dtype, device);
    }

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
