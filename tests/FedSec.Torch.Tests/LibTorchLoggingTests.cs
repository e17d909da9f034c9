namespace FedSec.Torch.Tests;

public class LibTorchLoggingTests
{
    [Fact]
    public void QuietWarnings_OnLinux_LeavesTheLevelInTheNativeEnvironment()
    {
        // A level the user set before start-up is kept; otherwise ERROR. Elsewhere nothing is set.
        string? before = Environment.GetEnvironmentVariable(LibTorchLogging.Variable);

        bool set = LibTorchLogging.QuietWarnings();

        Assert.Equal(OperatingSystem.IsLinux(), set);
        Assert.Equal(OperatingSystem.IsLinux() ? before ?? "ERROR" : null, LibTorchLogging.NativeValue());
    }
}
