using System.Buffers.Binary;
using System.Numerics.Tensors;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Privacy.Tests.SecureAggregation;

public sealed class MaskGeneratorTests
{
    private static readonly byte[] FipsKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    [Fact]
    public void ExpandRange_FirstBlockIsAesOfTheZeroCounter_KnownAnswer()
    {
        // Counter block 0 is sixteen zero bytes; AES-128 under the key 00 01 .. 0f of the zero block is
        // c6a13b37878f5b826f4f8162a1c8d879 (a published AES-128 known answer).
        var mask = new uint[4];
        MaskGenerator.ExpandRange(FipsKey, 0, mask);

        var bytes = new byte[16];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), mask[i]);
        }

        Assert.Equal("c6a13b37878f5b826f4f8162a1c8d879", Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData(1, "7346139595c0b41e497bbde365f42d0a")]
    [InlineData(258, "f662388a8a33596227d688d904beac4c")]
    public void ExpandRange_BlockB_IsAesOfTheBigEndianCounterB(int block, string expected)
    {
        // Counter block b: eight zero bytes, then b as a big-endian 64-bit integer (NIST SP 800-38A's incrementing
        // counter). Expected values from OpenSSL: `openssl enc -aes-128-ecb -K 000102..0f -nopad` of that block.
        var mask = new uint[(block + 1) * 4];
        MaskGenerator.ExpandRange(FipsKey, 0, mask);

        var bytes = new byte[16];
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), mask[(block * 4) + i]);
        }

        Assert.Equal(expected, Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(65536)]
    [InlineData(70000)]
    public void ExpandRange_FromABlockBoundary_EqualsThatSliceOfTheWholeMask(int firstWord)
    {
        var key = MaskGenerator.Key([1, 2, 3]);
        var whole = new uint[firstWord + 1001];
        MaskGenerator.ExpandRange(key, 0, whole);
        var slice = new uint[1001];

        MaskGenerator.ExpandRange(key, firstWord, slice);

        Assert.Equal(whole.AsSpan(firstWord).ToArray(), slice);
    }

    [Fact]
    public void ExpandRange_NotAtABlockBoundary_IsAnErrorNamingTheWord()
    {
        var e = Assert.Throws<ArgumentException>(() => MaskGenerator.ExpandRange(FipsKey, 6, new uint[8]));
        Assert.Contains("word 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulate_ManyMasksOverSeveralRanges_SameBitsAsOneMaskAfterAnotherOnOneThread()
    {
        int length = (2 * MaskAccumulator.RangeWords) + 7;
        var start = Enumerable.Range(0, length).Select(i => (uint)(i * 2654435761u)).ToArray();
        var masks = Enumerable.Range(0, 5).Select(i => new SignedMask(MaskGenerator.Key([(byte)i, 9]), Subtract: i % 2 == 1)).ToArray();
        var expected = (uint[])start.Clone();
        foreach (var m in masks)
        {
            var full = new uint[length];
            MaskGenerator.ExpandRange(m.Key, 0, full);
            if (m.Subtract)
            {
                TensorPrimitives.Subtract(expected, full, expected);
            }
            else
            {
                TensorPrimitives.Add(expected, full, expected);
            }
        }

        var actual = (uint[])start.Clone();
        MaskAccumulator.Apply(masks, actual);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Accumulate_AMaskAddedAndTakenOff_LeavesTheVector()
    {
        var v = Enumerable.Range(0, 100_003).Select(i => (uint)i).ToArray();
        var key = MaskGenerator.Key([7]);

        MaskAccumulator.Apply([new SignedMask(key, false), new SignedMask(key, true)], v);

        Assert.Equal(Enumerable.Range(0, 100_003).Select(i => (uint)i), v);
    }
}
