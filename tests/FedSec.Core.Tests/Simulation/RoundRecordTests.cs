using System.Text.Json;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public sealed class RoundRecordTests
{
    private static RoundRecord Record(double? perplexity) => new()
    {
        Round = 0,
        Accuracy = 0.5,
        Loss = 2.0,
        Perplexity = perplexity,
        Sampled = [0],
        Attacked = [],
    };

    [Fact]
    public void Json_ClassifierRound_HasNoPerplexityKey()
    {
        string json = JsonSerializer.Serialize(Record(null), JsonOptions.Lines);

        Assert.DoesNotContain("perplexity", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_LanguageModelRound_CarriesPerplexityAfterLossAndReadsItBack()
    {
        string json = JsonSerializer.Serialize(Record(Math.Exp(2.0)), JsonOptions.Lines);

        Assert.Contains("\"loss\":2,\"perplexity\":7.38905609893065", json, StringComparison.Ordinal);
        Assert.Equal(Math.Exp(2.0), JsonSerializer.Deserialize<RoundRecord>(json, JsonOptions.Lines)!.Perplexity);
    }
}
