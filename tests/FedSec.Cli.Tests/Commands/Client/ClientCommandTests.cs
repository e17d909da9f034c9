using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Client;

public class ClientCommandTests
{
    [Fact]
    public void Run_PlaintextWithoutInsecure_Exits2SayingHowToConnect()
    {
        var (code, output) = CommandLine.Run("client", "--server", "http://127.0.0.1:50051");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("http://127.0.0.1:50051/ is plaintext (http://); use https:// with the server's CA (--ca), or add --insecure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InsecureOffLoopback_Exits2()
    {
        var (code, output) = CommandLine.Run("client", "--server", "http://192.0.2.1:50051", "--insecure");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Plaintext is allowed on loopback addresses only, and 192.0.2.1 is not one", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoServer_Exits2NamingTheOption()
    {
        var (code, output) = CommandLine.Run("client");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--server URL is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadClients_Exits2NamingThem()
    {
        var (code, output) = CommandLine.Run("client", "--server", "https://h:1", "--clients", "x");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--clients expects client ids and ranges such as 0-4,7, not 'x'", output, StringComparison.Ordinal);
    }
}
