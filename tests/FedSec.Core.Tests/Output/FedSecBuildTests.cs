using System.Text.Json;
using System.Text.RegularExpressions;
using FedSec.Configuration;
using FedSec.Output;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Output;

public sealed class FedSecBuildTests
{
    [Fact]
    public void Current_IsTheVersionAndTheFullCommitWhenBuiltFromAGitCheckout()
    {
        // The SDK appends the commit a git checkout was built at; a copy without .git has the version alone.
        string pattern = InsideAGitCheckout() ? "^[0-9]+\\.[0-9]+\\.[0-9]+\\+[0-9a-f]{40}$" : "^[0-9]+\\.[0-9]+\\.[0-9]+$";
        Assert.Matches(new Regex(pattern), FedSecBuild.Current);
    }

    private static bool InsideAGitCheckout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }

    [Theory]
    [InlineData("1.0.0+ea0c7851d908339046d10973b63a278e9932f5fb", 12, "1.0.0+ea0c7851d908")]
    [InlineData("1.0.0+ea0c7851d908339046d10973b63a278e9932f5fb", 7, "1.0.0+ea0c785")]
    [InlineData("1.0.0+ea0c7851d908", 12, "1.0.0+ea0c7851d908")]
    [InlineData("1.0.0", 12, "1.0.0")]
    public void Short_CutsTheCommitOnly(string build, int digits, string expected)
    {
        Assert.Equal(expected, FedSecBuild.Short(build, digits));
    }

    [Theory]
    [InlineData("1.0.0+ea0c7851d908339046d10973b63a278e9932f5fb", true)]
    [InlineData("1.0.0", false)]
    [InlineData("1.0.0+ea0c7851d908", false)]
    [InlineData("1.0.0+ea0c7851d908339046d10973b63a278e9932f5fz", false)]
    [InlineData(null, false)]
    public void HasCommit_OnlyAVersionWithItsFullCommit(string? build, bool expected)
    {
        Assert.Equal(expected, FedSecBuild.HasCommit(build));
    }

    [Fact]
    public void RunSummaryFrom_RecordsThisBuildInSummaryJson()
    {
        var layout = new ParameterLayout([("w", (IReadOnlyList<long>)[1], ParameterKind.Trainable)]);
        var result = new ExperimentResult([], [0f], layout, []);

        string json = JsonSerializer.Serialize(RunSummary.From(new ExperimentConfig(), result), JsonOptions.Indented);

        Assert.Equal(FedSecBuild.Current, JsonDocument.Parse(json).RootElement.GetProperty("build").GetString());
    }
}
