using System.Buffers.Binary;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace FedSec.Language.Checkpoints;

/// <summary>
/// Reads a safetensors file (a checkpoint's weights, LoRA adapters) with TorchSharp.PyBridge, after checking its header
/// length (its first 8 bytes, a little-endian u64) against the file: PyBridge allocates the declared length, so a 2.4 kB file declaring a 900 MB header
/// made it allocate gigabytes (found by fuzz/, target safetensors). The format caps the header at 100 MB, as the
/// reference implementation does.
/// </summary>
internal static class SafetensorsFile
{
    /// <summary>The largest header the safetensors format allows (the Rust crate's <c>MAX_HEADER_SIZE</c>).</summary>
    public const long MaxLength = 100_000_000;

    /// <summary>The tensors of the safetensors file <paramref name="path"/>, by name.</summary>
    /// <exception cref="LanguageModelException">The header is malformed (see <see cref="Check"/>) or PyBridge cannot read the file.</exception>
    public static Dictionary<string, Tensor> Load(string path)
    {
        Check(path);
        try
        {
            return Safetensors.LoadStateDict(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LanguageModelException(path, $"it cannot be read as a safetensors file ({e.Message}).", e);
        }
    }

    /// <exception cref="LanguageModelException">The file is shorter than 8 bytes, or its header length is beyond the file or the format's cap.</exception>
    private static void Check(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8)
        {
            throw new LanguageModelException(path, $"it has {stream.Length} bytes, fewer than the 8 of a safetensors header length.");
        }

        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (declared > (ulong)MaxLength || declared > (ulong)(stream.Length - 8))
        {
            throw new LanguageModelException(path, $"it declares a {declared}-byte safetensors header, but the file has {stream.Length} bytes and a header may have at most {MaxLength}; it is truncated or not a safetensors file.");
        }
    }
}
