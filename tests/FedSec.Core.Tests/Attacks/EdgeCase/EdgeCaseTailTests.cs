using FedSec.Attacks.EdgeCase;
using FedSec.Data;

namespace FedSec.Core.Tests.Attacks.EdgeCase;

public class EdgeCaseTailTests
{
    // Five 1×1×2 images: class 7 at indices 0, 2, 3, 4 with pixels (0,0), (0,0.1), (1,1), (0,0.2); class 1 at index 1.
    // The class-7 mean is (0.25, 0.325); squared distances 0.168, 0.113, 1.018, 0.078: index 3 is the farthest.
    private static ImageSet Set() => new(
        new[] { 0f, 0f, 5f, 5f, 0f, 0.1f, 1f, 1f, 0f, 0.2f },
        new[] { 7, 1, 7, 7, 7 },
        1,
        1,
        2,
        10);

    [Fact]
    public void Indices_QuarterOfTheClass_TheImageFarthestFromTheClassMean()
    {
        Assert.Equal(new[] { 3 }, EdgeCaseTail.Indices(Set(), 7, 0.25));
    }

    [Fact]
    public void Indices_HalfOfTheClass_TheTwoFarthestInIndexOrder()
    {
        Assert.Equal(new[] { 0, 3 }, EdgeCaseTail.Indices(Set(), 7, 0.5));
    }

    [Fact]
    public void Indices_TinyShare_AtLeastOneImage()
    {
        Assert.Equal(new[] { 3 }, EdgeCaseTail.Indices(Set(), 7, 0.01));
    }

    [Fact]
    public void Indices_ClassAbsent_Empty()
    {
        Assert.Empty(EdgeCaseTail.Indices(Set(), 4, 0.5));
    }

    [Fact]
    public void Indices_EqualDistances_LowerIndicesFirst()
    {
        var same = new ImageSet(new float[6], new[] { 7, 7, 7 }, 1, 1, 2, 10);
        Assert.Equal(new[] { 0 }, EdgeCaseTail.Indices(same, 7, 0.3));
    }
}
