using System.Text.Json;
using FedSec.Cli.Commands.Run;
using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Plugins;

/// <summary>The example plugin (examples/plugins/MyComponents) through the <c>fedsec</c> command line.</summary>
[Collection(OneAtATime.Name)]
public sealed class PluginCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_WithPluginOption_RunsThePluginsAttackAgainstItsDefenseAndNamesThePluginInConfigYaml()
    {
        TinyMnist.Write(_dir.File("data"));
        string output = _dir.File("run");
        string plugin = RepositoryPaths.ExamplePlugin();

        var (code, text) = CommandLine.Run([
            "run", "--plugin", plugin, "--data-dir", _dir.File("data"), "--output", output, "--parallel", "1",
            "--set", "attack_args.attack_type=constant_shift", "--set", "attack_args.shift=5",
            "--set", "defense_args.defense_type=norm_ratio_filter", "--set", "norm_ratio=2", .. TinyRun.Overrides]);

        Assert.True(code == 0, text);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, RunOutput.SummaryFile)));
        var detection = Assert.Single(summary.RootElement.GetProperty("detection").EnumerateArray());
        Assert.Equal("norm_ratio_filter", detection.GetProperty("defense").GetString());
        Assert.Equal(1.0, detection.GetProperty("recall").GetDouble());
        Assert.Contains(plugin, File.ReadAllText(Path.Combine(output, RunOutput.ConfigFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void List_WithPluginOption_ShowsThePluginsComponentsAndKeys()
    {
        var (code, text) = CommandLine.Run("list", "defenses", "--plugin", RepositoryPaths.ExamplePlugin());

        Assert.Equal(0, code);
        Assert.Contains("norm_ratio_filter", text, StringComparison.Ordinal);
        Assert.Contains("norm_ratio", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PluginFileMissing_Exits3NamingTheFile()
    {
        string missing = _dir.File("Absent.dll");

        var (code, text) = CommandLine.Run("run", "--plugin", missing, "--print-config");

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("Absent.dll", text, StringComparison.Ordinal);
        Assert.Contains("does not exist", text, StringComparison.Ordinal);
    }
}
