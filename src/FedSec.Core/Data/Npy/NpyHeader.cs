using System.Globalization;
using System.Text;

namespace FedSec.Data.Npy;

/// <summary>
/// The header of a <c>.npy</c> file (NumPy's format, versions 1.0, 2.0 and 3.0): a Python dict literal with the keys
/// <c>descr</c>, <c>fortran_order</c> and <c>shape</c>. Parses only that literal's grammar (quoted strings, True/False,
/// tuples of integers), which is all numpy writes.
/// </summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, long DataOffset)
{
    private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The number of elements (the product of the shape; 1 for a scalar).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => checked(a * b));

    /// <summary>Reads the preamble and header from the start of <paramref name="stream"/>.</summary>
    public static NpyHeader Read(Stream stream, string path)
    {
        var preamble = new byte[8];
        if (ReadFully(stream, preamble) < 8 || !preamble.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new NpyFormatException(path, $"{path} is not a NumPy .npy file: it does not start with the magic bytes \\x93NUMPY (write it with numpy.save).");
        }

        int major = preamble[6], minor = preamble[7];
        int lengthBytes = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new NpyFormatException(path, $"{path} is .npy format version {major}.{minor}; versions 1.0, 2.0 and 3.0 are supported."),
        };
        var lengthField = new byte[lengthBytes];
        if (ReadFully(stream, lengthField) < lengthBytes)
        {
            throw new NpyFormatException(path, $"{path} is truncated: it ends inside the .npy header length.");
        }

        long headerLength = lengthBytes == 2 ? BitConverter.ToUInt16(LittleEndian(lengthField)) : BitConverter.ToUInt32(LittleEndian(lengthField));
        if (headerLength > 1 << 20)
        {
            throw new NpyFormatException(path, $"{path} declares a {headerLength}-byte .npy header; that is not a NumPy array header.");
        }

        var header = new byte[headerLength];
        if (ReadFully(stream, header) < headerLength)
        {
            throw new NpyFormatException(path, $"{path} is truncated: it ends inside the .npy header ({headerLength} bytes declared).");
        }

        // Versions 1 and 2 encode the header in latin-1, version 3 in UTF-8; the keys numpy writes are ASCII either way.
        string text = major == 3 ? Encoding.UTF8.GetString(header) : Encoding.Latin1.GetString(header);
        var dict = new NpyDictParser(text, path).ParseDict();
        string descr = dict.TryGetValue("descr", out var d) && d is string s
            ? s
            : throw new NpyFormatException(path, $"{path}: the .npy header has no 'descr' string (header: {text.Trim()}).");
        bool fortran = dict.TryGetValue("fortran_order", out var f) && f is bool b
            ? b
            : throw new NpyFormatException(path, $"{path}: the .npy header has no 'fortran_order' True/False (header: {text.Trim()}).");
        long[] shape = dict.TryGetValue("shape", out var sh) && sh is long[] dims
            ? dims
            : throw new NpyFormatException(path, $"{path}: the .npy header has no 'shape' tuple (header: {text.Trim()}).");
        return new NpyHeader(descr, fortran, shape, preamble.Length + lengthBytes + headerLength);
    }

    /// <summary>The shape as numpy prints it: <c>(3, 2)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string FormatShape(IReadOnlyList<long> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => "(" + string.Join(", ", shape.Select(x => x.ToString(CultureInfo.InvariantCulture))) + ")",
    };

    private static byte[] LittleEndian(byte[] bytes)
    {
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return bytes;
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
