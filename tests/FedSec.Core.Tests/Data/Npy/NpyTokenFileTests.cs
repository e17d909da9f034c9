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
}
