using FedSec.Torch.Training;

namespace FedSec.Torch.Tests.Training;

public class LocalTrainingOptionsTests
{
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
