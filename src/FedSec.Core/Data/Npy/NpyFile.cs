using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace FedSec.Data.Npy;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (NumPy's "NEP 1" format), so that update matrices can move between FedSec
/// and Python. Reads versions 1.0, 2.0 and 3.0 with dtype <c>&lt;f4</c> (float32) or <c>&lt;f8</c> (float64, converted to
/// float32), in C or Fortran order; writes version 1.0, <c>&lt;f4</c>, C order.
/// </summary>
public static class NpyFile
{
    private const int Alignment = 64;

    /// <summary>
    /// Reads an n × d matrix (rank 2) as n rows of d float32 values. float64 files are converted to float32; every
    /// value must be finite.
    /// </summary>
    /// <exception cref="NpyFormatException">The file is not a readable rank-2 float matrix; the message names the file,
    /// and for a non-finite value its row and column.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static float[][] ReadFloat32Matrix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        var header = ReadChecked(stream, path, rank: 2, what: "an n × d matrix (one row per client)");
        int rows = (int)header.Shape[0], cols = (int)header.Shape[1];
        var matrix = new float[rows][];
        if (header.FortranOrder)
        {
            // Column-major data: element (i, j) is at j·rows + i. Read it whole and transpose into rows.
            var all = new float[(long)rows * cols];
            ReadValues(stream, header.Descr, all);
            for (int i = 0; i < rows; i++)
            {
                var row = matrix[i] = new float[cols];
                for (int j = 0; j < cols; j++)
                {
                    row[j] = all[((long)j * rows) + i];
                }
            }
        }
        else
        {
            for (int i = 0; i < rows; i++)
            {
                matrix[i] = new float[cols];
                ReadValues(stream, header.Descr, matrix[i]);
            }
        }

        for (int i = 0; i < rows; i++)
        {
            int j = IndexOfNonFinite(matrix[i]);
            if (j >= 0)
            {
                throw new NpyFormatException(path, $"{path} holds {Show(matrix[i][j])} at row {i}, column {j}; every value must be finite{Converted(header)}.");
            }
        }

        return matrix;
    }

    /// <summary>Reads a vector (rank 1) of float32 values; float64 files are converted. Every value must be finite.</summary>
    /// <exception cref="NpyFormatException">The file is not a readable rank-1 float array; the message names the file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static float[] ReadFloat32Vector(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        var header = ReadChecked(stream, path, rank: 1, what: "a vector of length d");
        var vector = new float[header.Shape[0]];
        ReadValues(stream, header.Descr, vector);
        int j = IndexOfNonFinite(vector);
        if (j >= 0)
        {
            throw new NpyFormatException(path, $"{path} holds {Show(vector[j])} at index {j}; every value must be finite{Converted(header)}.");
        }

        return vector;
    }

    /// <summary>
    /// Writes <paramref name="data"/> (C order) as a version 1.0 <c>.npy</c> file of dtype <c>&lt;f4</c> with the given
    /// shape (e.g. <c>Write(path, v, v.Length)</c> for a vector, <c>Write(path, m, n, d)</c> for a matrix).
    /// </summary>
    /// <exception cref="ArgumentException">The shape's product is not <c>data.Length</c>, or a dimension is negative.</exception>
    public static void Write(string path, float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Any(s => s < 0) || shape.Aggregate(1L, (a, b) => a * b) != data.Length)
        {
            throw new ArgumentException($"The shape {NpyHeader.FormatShape(shape.Select(s => (long)s).ToArray())} does not hold {data.Length} values.", nameof(shape));
        }

        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {NpyHeader.FormatShape(shape.Select(s => (long)s).ToArray())}, }}";

        // magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64 and ending in '\n'.
        int unpadded = 10 + dict.Length + 1;
        int padding = (Alignment - (unpadded % Alignment)) % Alignment;
        string header = dict + new string(' ', padding) + "\n";
        using var stream = File.Create(path);
        stream.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)header.Length));
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(header));
        var buffer = new byte[sizeof(float) * 16384];
        for (int start = 0; start < data.Length; start += 16384)
        {
            int len = Math.Min(16384, data.Length - start);
            for (int k = 0; k < len; k++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(k * sizeof(float)), data[start + k]);
            }

            stream.Write(buffer, 0, len * sizeof(float));
        }
    }

    private static NpyHeader ReadChecked(FileStream stream, string path, int rank, string what)
    {
        var header = NpyHeader.Read(stream, path);
        int itemSize = header.Descr switch
        {
            "<f4" => 4,
            "<f8" => 8,
            _ => throw new NpyFormatException(path, $"{path} has dtype '{header.Descr}'; supported are '<f4' (float32) and '<f8' (float64, converted to float32). Save it with arr.astype('<f4')."),
        };
        if (header.Shape.Length != rank)
        {
            throw new NpyFormatException(path, $"{path} has shape {NpyHeader.FormatShape(header.Shape)} (rank {header.Shape.Length}); expected {what} (rank {rank}).");
        }

        if (header.Shape.Any(s => s == 0 || s > int.MaxValue) || header.Count > Array.MaxLength)
        {
            throw new NpyFormatException(path, $"{path} has shape {NpyHeader.FormatShape(header.Shape)}; expected {what} with every dimension between 1 and {Array.MaxLength}.");
        }

        long expected = header.Count * itemSize, actual = stream.Length - header.DataOffset;
        if (actual != expected)
        {
            string state = actual < expected ? "is truncated" : "has extra bytes after its data";
            throw new NpyFormatException(path, $"{path} {state}: its header declares shape {NpyHeader.FormatShape(header.Shape)} of '{header.Descr}' ({expected.ToString(CultureInfo.InvariantCulture)} bytes of data), but {actual.ToString(CultureInfo.InvariantCulture)} bytes follow the header.");
        }

        return header;
    }

    private static void ReadValues(Stream stream, string descr, Span<float> destination)
    {
        int itemSize = descr == "<f8" ? 8 : 4;
        var buffer = new byte[itemSize * Math.Min(destination.Length, 16384)];
        int done = 0;
        while (done < destination.Length)
        {
            int len = Math.Min(destination.Length - done, buffer.Length / itemSize);
            stream.ReadExactly(buffer, 0, len * itemSize);
            for (int k = 0; k < len; k++)
            {
                destination[done + k] = itemSize == 8
                    ? (float)BinaryPrimitives.ReadDoubleLittleEndian(buffer.AsSpan(k * 8))
                    : BinaryPrimitives.ReadSingleLittleEndian(buffer.AsSpan(k * 4));
            }

            done += len;
        }
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Show(float v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Converted(NpyHeader header) =>
        header.Descr == "<f8" ? " (float64 values beyond float32's range become infinite when converted)" : string.Empty;
}
