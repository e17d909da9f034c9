using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class ClassSplitTests
{
    // Class k has k + 3 images of 2 bytes, each image (k, i) so every image is distinct and traceable.
    private static readonly IReadOnlyList<byte[]>[] Classes = Enumerable.Range(0, 4)
        .Select(k => (IReadOnlyList<byte[]>)Enumerable.Range(0, k + 3).Select(i => new[] { (byte)k, (byte)i }).ToList())
        .ToArray();

    [Fact]
    public void Build_TwoTestPerClass_HoldsOutTwoOfEachClassAndUsesEveryImageOnce()
    {
        var (trainImages, trainLabels, testImages, testLabels) = ClassSplit.Build(Classes, 2, testPerClass: 2, seed: 1);

        Assert.Equal(8, testLabels.Length);
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(2, testLabels.Count(l => l == k)));
        Assert.Equal(3 + 4 + 5 + 6 - 8, trainLabels.Length);
        var all = Pairs(trainImages).Concat(Pairs(testImages)).Order().ToArray();
        var expected = Classes.SelectMany(c => c).Select(i => (i[0], i[1])).Order().ToArray();
        Assert.Equal(expected, all);
        Assert.All(Pairs(trainImages).Zip(trainLabels), p => Assert.Equal(p.First.Item1, p.Second));
        Assert.All(Pairs(testImages).Zip(testLabels), p => Assert.Equal(p.First.Item1, p.Second));
    }

    [Fact]
    public void Build_SameSeed_SameSplitAndOtherSeedDiffers()
    {
        var a = ClassSplit.Build(Classes, 2, 2, seed: 7);
        var b = ClassSplit.Build(Classes, 2, 2, seed: 7);
        var c = ClassSplit.Build(Classes, 2, 2, seed: 8);

        Assert.Equal(a.TrainImages, b.TrainImages);
        Assert.Equal(a.TestImages, b.TestImages);
        Assert.NotEqual(a.TrainImages, c.TrainImages);
    }

    [Fact]
    public void Build_ClassNotLargerThanTestShare_ThrowsNamingClass()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassSplit.Build(Classes, 2, testPerClass: 3, seed: 1));

        Assert.Contains("Class 0 has 3 images", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(byte, byte)> Pairs(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length / 2).Select(i => (bytes[2 * i], bytes[(2 * i) + 1]));
}
