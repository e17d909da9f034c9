using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class RegisterSort16Tests
{
    [Fact]
    public void SortInto_TwoFullGroups_EveryColumnSortedWithinEachGroup()
    {
        // 32 rows of 100 columns copied as 7 vectors (112 lanes; lanes 100–111 read as 0) into rows of 128 floats.
        int n = 32, d = 100, stride = 128;
        var rows = AggregationTestData.Random(n, d, seed: 3);
        var scratch = new float[n * stride];
        for (int g = 0; g < 2; g++)
        {
            RegisterSort16.SortInto(rows, 16 * g, 16, 0, d, 7, scratch.AsSpan(16 * g * stride), stride / 16);
        }

        for (int c = 0; c < 112; c++)
        {
            for (int g = 0; g < 2; g++)
            {
                var expected = Enumerable.Range(16 * g, 16).Select(r => c < d ? rows[r][c] : 0f).Order().ToArray();
                Assert.Equal(expected, Enumerable.Range(16 * g, 16).Select(r => scratch[(r * stride) + c]).ToArray());
            }
        }
    }

    [Fact]
    public void SortInto_TenRows_SortsThemAsIfPaddedWithInfinityAndStoresOnlyTen()
    {
        int n = 10, d = 40, stride = 48;
        var rows = AggregationTestData.Random(n, d, seed: 4);
        var scratch = Enumerable.Repeat(-7f, (n + 1) * stride).ToArray();
        RegisterSort16.SortInto(rows, 0, n, 8, d, 2, scratch, stride / 16);
        for (int c = 0; c < 32; c++)
        {
            var expected = Enumerable.Range(0, n).Select(r => rows[r][8 + c]).Order().ToArray();
            Assert.Equal(expected, Enumerable.Range(0, n).Select(r => scratch[(r * stride) + c]).ToArray());
        }

        // Row 10 of the scratch is past the group's rows: never written.
        Assert.All(scratch.AsSpan(n * stride).ToArray(), v => Assert.Equal(-7f, v));
    }
}
