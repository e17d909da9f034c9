namespace FedSec.Data;

/// <summary>Converts unsigned-byte pixels to floats in [0, 1] (value / 255), as torchvision's ToTensor does.</summary>
internal static class PixelScaling
{
    private static readonly float[] Table = BuildTable();

    /// <summary>A new array holding <c>bytes[i] / 255</c>.</summary>
    public static float[] ToUnitFloats(ReadOnlySpan<byte> bytes)
    {
        var result = new float[bytes.Length];
        ToUnitFloats(bytes, result);
        return result;
    }

    /// <summary>Writes <c>bytes[i] / 255</c> into <paramref name="destination"/>.</summary>
    public static void ToUnitFloats(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        var table = Table;
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[i] = table[bytes[i]];
        }
    }

    private static float[] BuildTable()
    {
        var t = new float[256];
        for (int i = 0; i < 256; i++)
        {
            t[i] = i / 255f;
        }

        return t;
    }
}
