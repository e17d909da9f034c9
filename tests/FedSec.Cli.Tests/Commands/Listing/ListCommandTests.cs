using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Listing;

public sealed class ListCommandTests
{
    [Fact]
    public void Execute_Models_ShowsTheModelsTableOnly()
    {
        var (code, output) = CommandLine.Run("list", "models");

        Assert.Equal(0, code);
        Assert.Contains("Models (model_args.model)", output, StringComparison.Ordinal);
        Assert.Contains("cnn", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Engine keys", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_NoTopic_ShowsEveryTable()
    {
        var (code, output) = CommandLine.Run("list");

        Assert.Equal(0, code);
        Assert.All(new[] { "Attacks", "Defenses", "Sections", "dp_args", "Models", "Data sets", "Engine keys" }, t => Assert.Contains(t, output, StringComparison.Ordinal));
    }
}
