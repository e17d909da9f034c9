namespace FedSec.Network.Tests.TestSupport;

/// <summary>Tests that start servers, nodes or fedsec processes: one at a time, on the machine's few cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneAtATime
{
    public const string Name = "distributed runs";
}
