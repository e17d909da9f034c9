using FedSec.Network.Server;

namespace FedSec.Network.Tests.Server;

/// <summary>What the server keeps of a node's free text (why it leaves, why a client diverged).</summary>
public sealed class NodeTextTests
{
    [Fact]
    public void Printable_ControlCharactersAndSurroundingSpace_Removed()
    {
        Assert.Equal("a [1mb c", FederationCoordinator.Printable(" a \u001b[1mb\r\n c\t "));
    }

    [Fact]
    public void Printable_LongerThan300_KeepsTheFirst300()
    {
        Assert.Equal(new string('y', 300), FederationCoordinator.Printable(new string('y', 5000)));
    }

    [Fact]
    public void Printable_NothingPrintable_Null()
    {
        Assert.Null(FederationCoordinator.Printable("\u0007\n "));
    }

    [Fact]
    public void DivergedReason_NoneReported_Null_AndOnlyControlCharacters_NamesTheClient()
    {
        Assert.Null(FederationCoordinator.DivergedReason(3, string.Empty));
        Assert.Equal("client 3's local training diverged (its node gave no reason)", FederationCoordinator.DivergedReason(3, "\n\r"));
    }
}
