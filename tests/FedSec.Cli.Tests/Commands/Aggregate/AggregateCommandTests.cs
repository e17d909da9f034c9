using FedSec.Cli.Tests.TestSupport;
using FedSec.Data.Npy;

namespace FedSec.Cli.Tests.Commands.Aggregate;

/// <summary><c>fedsec aggregate</c> end to end, in this process.</summary>
public sealed class AggregateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Execute_CoordinateMedianOfFiveClients_WritesTheMedianAndTheVerdicts()
    {
        string input = _dir.File("u.npy");
        NpyFile.Write(input, [1f, 10f, 2f, 20f, 3f, 30f, 4f, 40f, 100f, 1000f], 5, 2);

        var (code, output) = CommandLine.Run("aggregate", "--defense", "wise_median", "--input", input, "--output", _dir.File("r.npy"), "--verdicts", _dir.File("v.json"));

        Assert.True(code == 0, output);
        Assert.Equal([3f, 30f], NpyFile.ReadFloat32Vector(_dir.File("r.npy")));
        Assert.Contains("wise_median", File.ReadAllText(_dir.File("v.json")), StringComparison.Ordinal);
        Assert.Contains("Aggregated 5 client models of 2 values through wise_median (on).", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_MissingInputFile_Exits4NamingIt()
    {
        var (code, output) = CommandLine.Run("aggregate", "--defense", "wise_median", "--input", _dir.File("absent.npy"), "--output", _dir.File("r.npy"));

        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains("absent.npy", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("r.npy")));
    }

    public void Dispose() => _dir.Dispose();
}
