using System.Runtime.InteropServices;
using Google.Protobuf;
using FedSec.Network.Protocol;

namespace FedSec.Network.Transport;

/// <summary>
/// Cuts a flat float32 model into <see cref="ModelChunk"/>s of at most <see cref="MaxChunkBytes"/> bytes (little-endian,
/// as the machine holds them), so a message never nears gRPC's 4 MB limit whatever the model's size.
/// </summary>
internal static class ModelChunks
{
    /// <summary>1 MiB: 262,144 float32 values per chunk.</summary>
    public const int MaxChunkBytes = 1 << 20;

    /// <summary>The chunks of <paramref name="model"/>, in order.</summary>
    public static IEnumerable<ModelChunk> Split(float[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("FedSec's network format is little-endian float32; this machine is big-endian.");
        }

        const int perChunk = MaxChunkBytes / sizeof(float);
        for (int at = 0; at < model.Length; at += perChunk)
        {
            int count = Math.Min(perChunk, model.Length - at);
            yield return new ModelChunk { Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(model.AsSpan(at, count))) };
        }
    }

    /// <summary>The chunks of <paramref name="bytes"/> (an attack's state), in order; none for none.</summary>
    public static IEnumerable<ModelChunk> Split(byte[]? bytes)
    {
        for (int at = 0; bytes is not null && at < bytes.Length; at += MaxChunkBytes)
        {
            yield return new ModelChunk { Data = ByteString.CopyFrom(bytes.AsSpan(at, Math.Min(MaxChunkBytes, bytes.Length - at))) };
        }
    }
}
