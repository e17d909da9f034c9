using System.Runtime.InteropServices;
using FedSec.Network.Protocol;

namespace FedSec.Network.Transport;

/// <summary>
/// A masked vector (uint32 mod 2³²) travels as the bytes of a float32 model would: the same chunks of at most 1 MiB,
/// little-endian, received by the same length-checked <see cref="ModelReceiver"/>; these convert without changing a bit.
/// </summary>
internal static class MaskedVectors
{
    /// <summary>The chunks of a masked vector.</summary>
    public static IEnumerable<ModelChunk> Split(uint[] masked) => ModelChunks.Split(MemoryMarshal.Cast<uint, float>(masked).ToArray());

    /// <summary>The masked vector whose bytes a receiver reassembled.</summary>
    public static uint[] FromBits(float[] received) => MemoryMarshal.Cast<float, uint>(received).ToArray();
}
