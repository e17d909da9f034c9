namespace FedSec.Cli.Tests.TestSupport;

/// <summary>
/// Tests that train models in this process or start fedsec processes: one at a time, since they share libtorch's global
/// state and the machine's few cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneAtATime
{
    public const string Name = "fedsec runs";
}
