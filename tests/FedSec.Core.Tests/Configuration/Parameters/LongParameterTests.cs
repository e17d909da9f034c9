using FedSec.Configuration.Parameters;

namespace FedSec.Core.Tests.Configuration.Parameters;

public class LongParameterTests
{
    [Fact]
    public void TryParse_BeyondIntRange_Parses()
    {
        var seed = new LongParameter("random_seed", 0, "test");

        Assert.True(seed.TryParse("4294967296", out var v, out _));
        Assert.Equal(4294967296L, v);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    public void TryParse_NotWhole_FailsSayingWholeNumber(string raw)
    {
        var seed = new LongParameter("random_seed", 0, "test");

        Assert.False(seed.TryParse(raw, out _, out var error));
        Assert.Contains("is not a whole number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BelowMin_FailsWithRange()
    {
        var p = new LongParameter("x", 5, "test", min: 1);

        Assert.False(p.TryParse("0", out _, out var error));
        Assert.Contains("int ≥ 1", error, StringComparison.Ordinal);
    }
}
