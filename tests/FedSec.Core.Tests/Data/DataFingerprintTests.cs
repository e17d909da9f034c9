using System.Security.Cryptography;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Data;

public class DataFingerprintTests
{
    private static DatasetSplit Split(float firstPixel = 0f, int firstLabel = 0, int n = 40)
    {
        var pixels = Enumerable.Range(0, n * 4).Select(i => i / 160f).ToArray();
        pixels[0] = firstPixel;
        var labels = Enumerable.Range(0, n).Select(i => i % 10).ToArray();
        labels[0] = firstLabel;
        var train = new ImageSet(pixels, labels, 1, 2, 2, 10);
        var test = new ImageSet([0.1f, 0.2f, 0.3f, 0.4f], [3], 1, 2, 2, 10);
        return new DatasetSplit(train, test, new DatasetInfo("toy", 1, 2, 2, 10, [0f], [1f]));
    }

    [Fact]
    public void Of_HandComputed_Sha256OfTheShapesPixelsAndLabelsOfBothParts()
    {
        // The train part of one 1 × 1 × 1 image (pixel 0.5, label 3, 4 classes), the test part of one (0.25, label 1).
        var train = new ImageSet([0.5f], [3], 1, 1, 1, 4);
        var test = new ImageSet([0.25f], [1], 1, 1, 1, 4);
        var split = new DatasetSplit(train, test, new DatasetInfo("toy", 1, 1, 1, 4, [0f], [1f]));
        var bytes = new List<byte>();
        foreach (var (pixel, label) in new[] { (0.5f, 3), (0.25f, 1) })
        {
            foreach (int header in new[] { 1, 1, 1, 1, 4, 0 })
            {
                bytes.AddRange(BitConverter.GetBytes(header));
            }

            bytes.AddRange(BitConverter.GetBytes(pixel));
            bytes.AddRange(BitConverter.GetBytes(label));
        }

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())), DataFingerprint.Of(split));
    }

    [Fact]
    public void Of_SameContentInOtherArrays_Same()
    {
        Assert.Equal(DataFingerprint.Of(Split()), DataFingerprint.Of(Split()));
    }

    [Theory]
    [InlineData(0.001f, 0)]
    [InlineData(0f, 5)]
    public void Of_OnePixelOrOneLabelChanged_Different(float pixel, int label)
    {
        Assert.NotEqual(DataFingerprint.Of(Split()), DataFingerprint.Of(Split(pixel, label)));
    }

    [Fact]
    public void Of_PartsSwapped_Different()
    {
        var split = Split();
        Assert.NotEqual(DataFingerprint.Of(split), DataFingerprint.Of(split with { Train = split.Test, Test = split.Train }));
    }

    [Fact]
    public void Of_Documents_TextAndBoundariesCount()
    {
        TextDocument[] corpus = [new("a", "g", "hello world"), new("b", "g", "bye")];
        Assert.Equal(DataFingerprint.Of(corpus), DataFingerprint.Of([new("a", "g", "hello world"), new("b", "g", "bye")]));
        Assert.NotEqual(DataFingerprint.Of(corpus), DataFingerprint.Of([new("a", "g", "hello worl"), new("b", "g", "dbye")]));
        Assert.NotEqual(DataFingerprint.Of(corpus), DataFingerprint.Of([new("a", "g", "hello world"), new("b", "g", "Bye")]));
    }

    [Fact]
    public void Build_AnySeedAndSampleCount_TheSourcesFingerprint()
    {
        // The fingerprint names the files, not the run's share of them: every seed and subset gives the same.
        var split = Split();
        var a = ExperimentDataBuilder.Build(new ExperimentConfig { ClientNumInTotal = 2, RandomSeed = 0 }, split);
        var b = ExperimentDataBuilder.Build(new ExperimentConfig { ClientNumInTotal = 3, RandomSeed = 7, TrainSamples = 30, PartitionMethod = PartitionMethod.Homo }, split);

        Assert.Equal(DataFingerprint.Of(split), a.SourceFingerprint);
        Assert.Equal(a.SourceFingerprint, b.SourceFingerprint);
    }
}
