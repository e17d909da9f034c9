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
        Assert.Contains($"fedsec cannot download 'cifar10'; put its files under {Path.Combine(_dir.Path, "cifar10")}", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
