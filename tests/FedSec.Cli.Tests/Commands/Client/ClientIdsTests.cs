using FedSec.Cli.Commands.Client;

namespace FedSec.Cli.Tests.Commands.Client;

public class ClientIdsTests
{
    [Fact]
    public void Parse_RangesAndSingles_AscendingDistinct()
    {
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 7 }, ClientIds.Parse("7,0-4,3"));
    }

    [Theory]
    [InlineData("a-3")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    public void Parse_Malformed_ThrowsNamingTheOption(string text)
    {
        var error = Assert.Throws<FormatException>(() => ClientIds.Parse(text));
        Assert.StartsWith("--clients expects client ids and ranges such as 0-4,7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RangeBackwards_ThrowsNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => ClientIds.Parse("5-2"));
        Assert.Equal("--clients: the range '5-2' ends before it starts.", error.Message);
    }
}
