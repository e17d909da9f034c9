using FedSec.Configuration.Parameters;

namespace FedSec.Core.Tests.Configuration.Parameters;

public class StringListParameterTests
{
    private static readonly StringListParameter Names = new("defense_type", Array.Empty<string>(), "test");

    [Fact]
    public void TryParse_OneName_GivesOneElement()
    {
        Assert.True(Names.TryParse("krum", out var v, out _));
        Assert.Equal(new[] { "krum" }, v);
    }

    [Fact]
    public void TryParse_YamlList_KeepsOrderAndDropsEmpty()
    {
        Assert.True(Names.TryParse(new List<object?> { "nnm", null, " trimmed_mean " }, out var v, out _));
        Assert.Equal(new[] { "nnm", "trimmed_mean" }, v);
    }

    [Fact]
    public void TryParse_CommaText_SplitsIntoNames()
    {
        Assert.True(Names.TryParse("nnm, trimmed_mean", out var v, out _));
        Assert.Equal(new[] { "nnm", "trimmed_mean" }, v);
    }

    [Fact]
    public void TryParse_NestedList_FailsSayingWhatIsAllowed()
    {
        Assert.False(Names.TryParse(new List<object?> { new List<object?> { "a" } }, out _, out var error));
        Assert.Contains("name or list of names", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Mapping_Fails()
    {
        Assert.False(Names.TryParse(new Dictionary<string, object?> { ["a"] = "b" }, out _, out _));
    }
}
