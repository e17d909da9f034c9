using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Simulation;

public sealed class TorchComponentsTests
{
    [Fact]
    public void EveryRegisteredComponent_EmptySection_ReadsItsDeclaredDefaultsAndEachDefaultIsValid()
    {
        var mismatches = ComponentDefaults.Mismatches(TorchComponents.CreateRegistry());

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }
}
