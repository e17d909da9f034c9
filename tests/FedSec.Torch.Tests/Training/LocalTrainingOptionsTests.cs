using FedSec.Torch.Training;

namespace FedSec.Torch.Tests.Training;

public class LocalTrainingOptionsTests
{
    [Theory]
    [InlineData("sgd", LocalOptimizer.Sgd)]
    [InlineData("Adam", LocalOptimizer.Adam)]
    [InlineData(" SGD ", LocalOptimizer.Sgd)]
    public void ParseOptimizer_KnownName_GivesTheOptimizer(string name, LocalOptimizer expected)
    {
        Assert.Equal(expected, LocalTrainingOptions.ParseOptimizer(name));
    }

    [Fact]
    public void ParseOptimizer_UnknownName_ThrowsListingAllowedNames()
    {
        var e = Assert.Throws<ArgumentException>(() => LocalTrainingOptions.ParseOptimizer("rmsprop"));

        Assert.Contains("'rmsprop'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'sgd' or 'adam'", e.Message, StringComparison.Ordinal);
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
