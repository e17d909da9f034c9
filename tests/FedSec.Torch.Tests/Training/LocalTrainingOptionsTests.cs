using FedSec.Configuration;
using FedSec.Torch.Training;

namespace FedSec.Torch.Tests.Training;

public class LocalTrainingOptionsTests
{
    [Theory]
    [InlineData("sgd", ClientOptimizer.Sgd)]
    [InlineData("Adam", ClientOptimizer.Adam)]
    [InlineData(" SGD ", ClientOptimizer.Sgd)]
    public void ClientOptimizerKey_KnownName_ParsesOnceToTheOptimizer(string name, ClientOptimizer expected)
    {
        Assert.True(EngineParameters.ClientOptimizer.TryParse(name, out var optimizer, out _));
        Assert.Equal(expected, optimizer);
    }

    [Fact]
    public void ClientOptimizerKey_UnknownName_ErrorListsAllowedNames()
    {
        Assert.False(EngineParameters.ClientOptimizer.TryParse("rmsprop", out _, out var error));

        Assert.Contains("'rmsprop'", error, StringComparison.Ordinal);
        Assert.Contains("sgd | adam", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(new LocalTrainingOptions().Problems());
    }

    [Fact]
    public void Validate_SeveralBadValues_ListsEveryOneInOneMessage()
    {
        var options = new LocalTrainingOptions { Epochs = 0, BatchSize = -1, LearningRate = 0, Momentum = 1, WeightDecay = -0.1, ProximalMu = double.NaN };

        var e = Assert.Throws<ArgumentException>(options.Validate);

        foreach (var key in new[] { "Epochs", "BatchSize", "LearningRate", "Momentum", "WeightDecay", "ProximalMu" })
        {
            Assert.Contains(key, e.Message, StringComparison.Ordinal);
        }
    }
}
