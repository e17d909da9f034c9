using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Core.Tests.Configuration.Parameters;

public sealed class ChoiceParameterTests
{
    [Theory]
    [InlineData("homo", PartitionMethod.Homo)]
    [InlineData("HETERO", PartitionMethod.Hetero)]
    [InlineData(" shards ", PartitionMethod.Shards)]
    public void TryParse_WordInAnyCaseOrPadding_ParsesOnceToTheEnum(string word, PartitionMethod expected)
    {
        Assert.True(EngineParameters.PartitionMethod.TryParse(word, out var method, out _));
        Assert.Equal(expected, method);
    }

    [Fact]
    public void TryParse_Alias_GivesTheValueItStandsForAndTheCanonicalWordIsTheFirst()
    {
        Assert.True(EngineParameters.FederatedOptimizer.TryParse("FedOpt", out var optimizer, out _));

        Assert.Equal(FederatedOptimizer.FedAdam, optimizer);
        Assert.Equal("FedAdam", EngineParameters.FederatedOptimizer.Canonical(optimizer));
    }

    [Fact]
    public void TryParse_UnknownWord_ErrorQuotesItAndListsTheWords()
    {
        Assert.False(EngineParameters.ClientOptimizer.TryParse("rmsprop", out _, out var error));

        Assert.Contains("'rmsprop'", error, StringComparison.Ordinal);
        Assert.Contains("sgd | adam", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EnumValueWithoutAWord_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChoiceParameter<PartitionMethod>("k", PartitionMethod.Homo, "d", ("homo", PartitionMethod.Homo)));

        Assert.Contains("Hetero", e.Message, StringComparison.Ordinal);
    }
}
