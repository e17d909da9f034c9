using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Data;

public sealed class DataFetchCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Execute_DataSetFedSecCannotDownload_Exits2SayingWhereToPutIt()
    {
        var (code, output) = CommandLine.Run("data", "fetch", "cifar10", "--data-dir", _dir.Path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("fedsec cannot download 'cifar10'.", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir.Path, "cifar10", "cifar-10-batches-bin"), output.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("cifar-10-binary.tar.gz", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
