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

    [Theory]
    [InlineData("shakespeare", "train", "https://github.com/TalwalkarLab/leaf")]
    public void Execute_Shakespeare_Exits2NamingFilesPlaceAndSource(string name, string file, string source)
    {
        var (code, output) = CommandLine.Run("data", "fetch", name, "--data-dir", _dir.Path);

        string flat = output.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"fedsec cannot download '{name}'.", flat, StringComparison.Ordinal);
        Assert.Contains(file, flat, StringComparison.Ordinal);
        Assert.Contains(source, flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_BrownAlreadyInPlace_KeepsItAndSaysWhere()
    {
        string brown = Path.Combine(_dir.Path, "brown");
        Directory.CreateDirectory(brown);
        foreach (var (letter, _) in FedSec.Data.Text.BrownCorpus.Genres.Take(5))
        {
            for (int i = 0; i < 100; i++)
            {
                File.WriteAllText(Path.Combine(brown, $"c{letter}{i:00}"), "w/t");
            }
        }

        var (code, output) = CommandLine.Run("data", "fetch", "brown", "--data-dir", _dir.Path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("brown is in", output, StringComparison.Ordinal);
        Assert.Contains("ca01: already present", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
