using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class RegisterSort16Tests
{
    [Fact]
    public void Sort_TwoGroupsOfRandomRows_SortsEveryColumnWithinEachGroup()
    {
        // 35 rows (two full groups and three rows left alone) of 64 columns in rows of 80 floats.
        int n = 35, width = 64, stride = 80;
        var rng = new Random(3);
        var rows = Enumerable.Range(0, n * stride).Select(_ => (float)rng.NextDouble()).ToArray();
        var before = (float[])rows.Clone();
        RegisterSort16.Sort(rows, 2, width / 16, stride / 16);
        for (int c = 0; c < stride; c++)
        {
            for (int g = 0; g < 3; g++)
            {
                var expected = Enumerable.Range(16 * g, Math.Min(16, n - (16 * g))).Select(r => before[(r * stride) + c]).ToArray();
                if (g < 2 && c < width)
                {
                    Array.Sort(expected);
                }

                Assert.Equal(expected, Enumerable.Range(16 * g, expected.Length).Select(r => rows[(r * stride) + c]).ToArray());
            }
        }
    }
}
