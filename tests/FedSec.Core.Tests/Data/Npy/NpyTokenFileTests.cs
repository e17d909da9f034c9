using System.Text;
using FedSec.Data.Npy;

namespace FedSec.Core.Tests.Data.Npy;

public sealed class NpyTokenFileTests
{
    // A version 1.0 .npy file: magic, version, header length, the header dict padded with spaces to 64 bytes, then the data.
    private static byte[] Npy(string descr, string shape, byte[] data, bool fortran = false)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}";
        int total = 10 + dict.Length + 1;
        string header = dict + new string(' ', ((total + 63) / 64 * 64) - total) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 };
        bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    [Fact]
    public void Read_Int64Matrix_RowByRow()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("t.npy"), Npy("<i8", "(2, 3)", new long[] { 1, 2, 3, 4, 5, 6 }.SelectMany(BitConverter.GetBytes).ToArray()));

        Assert.Equal([[1, 2, 3], [4, 5, 6]], NpyTokenFile.Read(dir.File("t.npy")));
    }

    [Fact]
    public void Read_Int32Matrix_RowByRow()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("t.npy"), Npy("<i4", "(1, 2)", new int[] { 7, 9 }.SelectMany(BitConverter.GetBytes).ToArray()));

        Assert.Equal([[7, 9]], NpyTokenFile.Read(dir.File("t.npy")));
    }

    [Fact]
    public void Read_FloatFile_NamesTheDtype()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("t.npy"), Npy("<f4", "(1, 1)", BitConverter.GetBytes(1f)));

        var e = Assert.Throws<NpyFormatException>(() => NpyTokenFile.Read(dir.File("t.npy")));

        Assert.Contains("'<f4'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Vector_NamesTheShape()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("t.npy"), Npy("<i4", "(2,)", new int[] { 7, 9 }.SelectMany(BitConverter.GetBytes).ToArray()));

        var e = Assert.Throws<NpyFormatException>(() => NpyTokenFile.Read(dir.File("t.npy")));

        Assert.Contains("(2,)", e.Message, StringComparison.Ordinal);
    }

    // Inputs of the fuzz target 'npy' (fuzz/README.md): a shape beyond int threw OverflowException, and a header that
    // announces more rows or longer rows than the file holds made the reader allocate them first (16 GB for
    // (2147483647, 1), an int overflow, then 4 GB, for a row of 2^30 int64 tokens).
    [Theory]
    [InlineData("(3000000000, 1)", "has shape (3000000000, 1); token ids must be a (batch, length) matrix with every dimension between 1 and 2147483647")]
    [InlineData("(1, 0)", "has shape (1, 0); token ids must be a (batch, length) matrix with every dimension between 1 and 2147483647")]
    [InlineData("(2147483647, 1)", "is truncated: its header declares shape (2147483647, 1) of '<i8' (17179869176 bytes of data), but 8 bytes follow the header.")]
    [InlineData("(1, 1073741824)", "has shape (1, 1073741824); token ids must be a (batch, length) matrix with every dimension between 1 and 2147483647 and rows of at most 268435448 tokens.")]
    [InlineData("(1, 200000000)", "is truncated: its header declares shape (1, 200000000) of '<i8' (1600000000 bytes of data), but 8 bytes follow the header.")]
    public void Read_ShapeTheFileCannotHold_IsAClearErrorBeforeAllocating(string shape, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.npy");
        File.WriteAllBytes(path, Npy("<i8", shape, BitConverter.GetBytes(7L)));

        var e = Assert.Throws<NpyFormatException>(() => NpyTokenFile.Read(path));

        Assert.StartsWith($"{path} {expected}", e.Message, StringComparison.Ordinal);
    }
}
