namespace FedSec.Torch.Tests;

/// <summary>Tests that switch libtorch's process-wide oneDNN setting: run after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SwitchesOneDnn
{
    /// <summary>The collection's name.</summary>
    public const string Name = "switches oneDNN";
}
