using System.Buffers.Binary;

namespace FedSec.Data.Npy;

/// <summary>
/// Reads token ids from a NumPy <c>.npy</c> file: a C-order matrix (batch × length) of dtype <c>&lt;i4</c> (int32) or
/// <c>&lt;i8</c> (int64, each value must fit an int32), as <c>numpy.save</c> writes <c>input_ids</c>.
/// </summary>
public static class NpyTokenFile
{
    /// <summary>The rows of token ids in <paramref name="path"/>.</summary>
    /// <exception cref="NpyFormatException">The file is not a readable rank-2 int32/int64 C-order array with every dimension at least 1, is shorter than its header declares, or a value is out of range; names the file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static int[][] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        var header = NpyHeader.Read(stream, path);
        if (header.Descr is not ("<i4" or "<i8"))
        {
            throw new NpyFormatException(path, $"{path} has dtype '{header.Descr}'; token ids must be int32 ('<i4') or int64 ('<i8').");
        }

        if (header.Shape.Length != 2 || header.FortranOrder)
        {
            throw new NpyFormatException(path, $"{path} has shape {NpyHeader.FormatShape(header.Shape)}{(header.FortranOrder ? " in Fortran order" : string.Empty)}; token ids must be a C-order matrix (batch, length).");
        }

        int size = header.Descr == "<i8" ? 8 : 4;
        string shape = NpyHeader.FormatShape(header.Shape);
        if (header.Shape.Any(d => d is < 1 or > int.MaxValue) || (long)size * header.Shape[1] > Array.MaxLength)
        {
            throw new NpyFormatException(path, $"{path} has shape {shape}; token ids must be a (batch, length) matrix with every dimension between 1 and {int.MaxValue} and rows of at most {Array.MaxLength / size} tokens.");
        }

        // Checked against the file before anything is allocated: a header may announce more than the file holds.
        Int128 declared = (Int128)header.Shape[0] * header.Shape[1] * size, available = stream.Length - header.DataOffset;
        if (declared > available)
        {
            throw new NpyFormatException(path, $"{path} is truncated: its header declares shape {shape} of '{header.Descr}' ({declared} bytes of data), but {available} bytes follow the header.");
        }

        int rows = (int)header.Shape[0], cols = (int)header.Shape[1];
        stream.Seek(header.DataOffset, SeekOrigin.Begin);
        var buffer = new byte[size * cols];
        var result = new int[rows][];
        for (int i = 0; i < rows; i++)
        {
            try
            {
                stream.ReadExactly(buffer);
            }
            catch (EndOfStreamException e)
            {
                throw new NpyFormatException(path, $"{path} is truncated: it ends in row {i} of {rows} ({e.Message})");
            }

            var row = result[i] = new int[cols];
            for (int j = 0; j < cols; j++)
            {
                long v = size == 8 ? BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(j * 8)) : BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(j * 4));
                row[j] = v is >= 0 and <= int.MaxValue ? (int)v : throw new NpyFormatException(path, $"{path} holds token id {v} at row {i}, column {j}; token ids are non-negative.");
            }
        }

        return result;
    }
}
