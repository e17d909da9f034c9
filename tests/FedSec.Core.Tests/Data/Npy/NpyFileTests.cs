using FedSec.Data.Npy;
using System.Buffers.Binary;
using System.Text;

namespace FedSec.Core.Tests.Data.Npy;

public sealed class NpyFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fedsec-npy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_ThenReadFloat32Matrix_ReturnsTheRows()
    {
        string path = Path.Combine(_dir, "m.npy");
        NpyFile.Write(path, new[] { 1f, -2.5f, 3f, 4f, 5e-8f, -6e7f }, 2, 3);

        var m = NpyFile.ReadFloat32Matrix(path);

        Assert.Equal(2, m.Length);
        Assert.Equal(new[] { 1f, -2.5f, 3f }, m[0]);
        Assert.Equal(new[] { 4f, 5e-8f, -6e7f }, m[1]);
    }

    [Fact]
    public void Write_ThenReadFloat32Vector_ReturnsTheValues()
    {
        string path = Path.Combine(_dir, "v.npy");
        var v = new[] { 0.1f, float.MaxValue, float.Epsilon, -0f };
        NpyFile.Write(path, v, v.Length);

        Assert.Equal(v, NpyFile.ReadFloat32Vector(path));
    }

    [Fact]
    public void Write_Vector_WritesVersion1HeaderPaddedTo64EndingInNewline()
    {
        string path = Path.Combine(_dir, "v.npy");
        NpyFile.Write(path, new[] { 1f, 2f, 3f, 4f, 5f }, 5);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.Latin1.GetString(bytes, 10, headerLength);
        Assert.Equal('\n', header[^1]);
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", header.TrimEnd());
        Assert.Equal(10 + headerLength + (5 * 4), bytes.Length);
        Assert.Equal(2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(10 + headerLength + 4)));
    }

    [Fact]
    public void ReadFloat32Matrix_Version2Float64_ConvertsToFloat32()
    {
        var data = Doubles(1.5, -2.0, 0.1, 1.0);
        string path = Save("v2.npy", 2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", data);

        var m = NpyFile.ReadFloat32Matrix(path);

        Assert.Equal(new[] { 1.5f, -2f }, m[0]);
        Assert.Equal(new[] { 0.1f, 1f }, m[1]);
    }

    [Fact]
    public void ReadFloat32Matrix_Version3WithoutTrailingComma_Reads()
    {
        string path = Save("v3.npy", 3, "{\"descr\": \"<f4\", \"shape\": (1, 2), \"fortran_order\": False}", Floats(7f, 8f));

        Assert.Equal(new[] { 7f, 8f }, NpyFile.ReadFloat32Matrix(path)[0]);
    }

    [Fact]
    public void ReadFloat32Matrix_FortranOrder_TransposesIntoRows()
    {
        // Column-major storage of [[1, 2, 3], [4, 5, 6]].
        string path = Save("f.npy", 1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", Floats(1, 4, 2, 5, 3, 6));

        var m = NpyFile.ReadFloat32Matrix(path);

        Assert.Equal(new[] { 1f, 2f, 3f }, m[0]);
        Assert.Equal(new[] { 4f, 5f, 6f }, m[1]);
    }

    [Fact]
    public void ReadFloat32Matrix_BadMagic_ThrowsNamingTheFile()
    {
        string path = Path.Combine(_dir, "text.npy");
        File.WriteAllText(path, "1,2\n3,4\n");

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Matrix_TruncatedData_ThrowsNamingTheFileAndSizes()
    {
        string path = Save("short.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", Floats(1, 2, 3));

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("16 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("12 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Matrix_TruncatedHeader_ThrowsNamingTheFile()
    {
        string path = Path.Combine(_dir, "cut.npy");
        var full = File.ReadAllBytes(Save("full.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), }", Floats(1)));
        File.WriteAllBytes(path, full[..20]);

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<i4")]
    [InlineData(">f4")]
    [InlineData("<f2")]
    public void ReadFloat32Matrix_UnsupportedDtype_ThrowsNamingFileAndAllowedTypes(string descr)
    {
        string path = Save("int.npy", 1, $"{{'descr': '{descr}', 'fortran_order': False, 'shape': (1, 1), }}", Floats(1));

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(descr, e.Message, StringComparison.Ordinal);
        Assert.Contains("'<f4'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Matrix_Vector_ThrowsWrongRank()
    {
        string path = Path.Combine(_dir, "v.npy");
        NpyFile.Write(path, new[] { 1f, 2f }, 2);

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("(2,) (rank 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Vector_Matrix_ThrowsWrongRank()
    {
        string path = Path.Combine(_dir, "m.npy");
        NpyFile.Write(path, new[] { 1f, 2f }, 1, 2);

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Vector(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("(1, 2) (rank 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Matrix_NonFiniteValue_ThrowsNamingRowAndColumn()
    {
        string path = Path.Combine(_dir, "nan.npy");
        NpyFile.Write(path, new[] { 1f, 2f, 3f, 4f, 5f, float.NaN }, 2, 3);

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("row 1, column 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Matrix_Float64BeyondFloat32Range_ThrowsAsNonFinite()
    {
        string path = Save("big.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", Doubles(0, 1e300));

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains("row 0, column 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("float64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFloat32Matrix_MalformedHeaderDict_ThrowsNamingTheFile()
    {
        string path = Save("dict.npy", 1, "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1, 1), }", Floats(1));

        var e = Assert.Throws<NpyFormatException>(() => NpyFile.ReadFloat32Matrix(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("dict literal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ShapeNotMatchingData_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => NpyFile.Write(Path.Combine(_dir, "x.npy"), new float[6], 4, 2));
    }

    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    private static byte[] Doubles(params double[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        return bytes;
    }

    /// <summary>Writes a .npy file by hand: magic, version, header length (2 bytes in v1, 4 in v2/v3), header, data.</summary>
    private string Save(string name, int version, string dict, byte[] data)
    {
        int lengthBytes = version == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.Length + 1;
        string header = dict + new string(' ', (64 - (unpadded % 64)) % 64) + "\n";
        using var buffer = new MemoryStream();
        buffer.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)version, 0 });
        var length = new byte[lengthBytes];
        if (version == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
        }

        buffer.Write(length);
        buffer.Write(Encoding.Latin1.GetBytes(header));
        buffer.Write(data);
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, buffer.ToArray());
        return path;
    }
}
