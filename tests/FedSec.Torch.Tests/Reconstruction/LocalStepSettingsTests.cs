using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public sealed class LocalStepSettingsTests
{
    [Theory]
    [InlineData(10, 1, 1, 0, 10)]  // FedAvg, batch 1: one step per sample.
    [InlineData(10, 3, 2, 0, 8)]   // ⌈10/3⌉ = 4 batches, 2 epochs.
    [InlineData(10, 1, 1, 1, 1)]   // FedSGD: one step, whatever the sample count (10 made the gradient 10× too small).
    [InlineData(0, 1, 1, 1, 0)]
    public void Steps_SamplesBatchEpochsAndLimit_AreTheStepsTheTrainerTakes(int samples, int batch, int epochs, int maxSteps, int expected) =>
        Assert.Equal(expected, new LocalStepSettings(0.1, batch, epochs, 0, maxSteps).Steps(samples));
}
