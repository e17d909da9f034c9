using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Dba;

namespace FedSec.Core.Tests.Attacks.Dba;

public class DbaTriggerTests
{
    private static readonly TriggerPosition TopLeft = new(TriggerAnchor.TopLeft);

    [Fact]
    public void Build_Defaults_PapersMnistPattern()
    {
        var (global, parts) = DbaTrigger.Build(4, 4, 1, 2, 1f, TopLeft);
        Assert.Equal(new[] { (0, 0), (0, 1), (0, 2), (0, 3) }, parts[0].Pixels(28, 28));
        Assert.Equal(new[] { (0, 6), (0, 7), (0, 8), (0, 9) }, parts[1].Pixels(28, 28));
        Assert.Equal(new[] { (3, 0), (3, 1), (3, 2), (3, 3) }, parts[2].Pixels(28, 28));
        Assert.Equal(new[] { (3, 6), (3, 7), (3, 8), (3, 9) }, parts[3].Pixels(28, 28));
        Assert.Equal(16, global.Pixels(28, 28).Count);
    }

    [Theory]
    [InlineData(4, 4, 1, 2)]
    [InlineData(3, 3, 2, 1)]
    [InlineData(5, 2, 1, 0)]
    public void Build_AnyShape_PartsDisjointAndTheirUnionIsTheGlobalTrigger(int count, int length, int height, int gap)
    {
        var position = new TriggerPosition(TriggerAnchor.BottomRight);
        var (global, parts) = DbaTrigger.Build(count, length, height, gap, 1f, position);
        Assert.Equal(count, parts.Length);
        var union = parts.SelectMany(p => p.Pixels(28, 28)).ToList();
        Assert.Equal(union.Count, union.Distinct().Count());
        Assert.Equal(global.Pixels(28, 28).OrderBy(p => p), union.OrderBy(p => p));
        Assert.All(parts, p => Assert.Equal(length * height, p.Pixels(28, 28).Count));
    }
}
