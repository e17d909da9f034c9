using System.Text.Json;
using FedSec.Cli.Commands.Run;
using FedSec.Cli.Tests.TestSupport;
using FedSec.Data.Npy;

namespace FedSec.Cli.Tests.Commands.Run;

/// <summary><c>fedsec run</c> in this process, on a tiny MNIST-shaped data set: one round on 200 training samples.</summary>
[Collection(OneAtATime.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Execute_TinyExperimentWithSaveModel_WritesEveryFileAndExitsZero()
    {
        TinyMnist.Write(_dir.File("data"));
        string output = _dir.File("run");

        var (code, text) = CommandLine.Run(["run", "--data-dir", _dir.File("data"), "--output", output, "--parallel", "1", "--save-model", .. TinyRun.Overrides]);

        Assert.True(code == 0, text);
        Assert.Equal(
            new[] { RunOutput.ConfigFile, RunOutput.ModelFile, RunOutput.RoundsFile, RunOutput.SummaryFile }.Order(),
            Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Single(File.ReadAllLines(Path.Combine(output, RunOutput.RoundsFile)));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, RunOutput.SummaryFile)));
        Assert.Equal(1, summary.RootElement.GetProperty("rounds").GetInt32());
        Assert.Equal("completed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, summary.RootElement.GetProperty("tensor_threads").GetInt32());
        Assert.NotEmpty(NpyFile.ReadFloat32Vector(Path.Combine(output, RunOutput.ModelFile)));
        Assert.Contains("comm_round: 1", File.ReadAllText(Path.Combine(output, RunOutput.ConfigFile)), StringComparison.Ordinal);
        Assert.Contains($"Results in {Path.GetFullPath(output)} (rounds.jsonl, summary.json, config.yaml, final_model.npy).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_PrintConfig_PrintsTheResolvedConfigurationAndWritesNothing()
    {
        string output = _dir.File("run");

        var (code, text) = CommandLine.Run("run", "--print-config", "--set", "train_args.comm_round=7", "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("comm_round: 7", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Execute_DataSetFilesMissing_Exits4NamingTheirDirectory()
    {
        string data = _dir.File("data");
        Directory.CreateDirectory(data);

        var (code, text) = CommandLine.Run(["run", "--set", "data_args.dataset=cifar10", "--set", "model_args.model=lr", "--data-dir", data, "--output", _dir.File("run"), .. TinyRun.Overrides]);

        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains(Path.Combine(data, "cifar10"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shakespeare", "rnn", "Shakespeare file(s) train/*.json, test/*.json not found", "all_data_niid_2_keep_0_train_8.json")]
    [InlineData("stackoverflow_lr", "lr", "StackOverflow file(s) stackoverflow_train.h5, stackoverflow_test.h5, stackoverflow.word_count, stackoverflow.tag_count not found", "stackoverflow.tar.bz2")]
    public void Execute_TextOrTagDataMissing_Exits4NamingTheFilesWhereToPutThemAndWhereTheyComeFrom(string dataset, string model, string files, string source)
    {
        string data = _dir.File("data");
        Directory.CreateDirectory(data);

        var (code, text) = CommandLine.Run(["run", "--set", $"data_args.dataset={dataset}", "--set", $"model_args.model={model}", "--data-dir", data, "--output", _dir.File("run"), .. TinyRun.Overrides]);

        string flat = text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains(files, flat, StringComparison.Ordinal);
        Assert.Contains(source, flat, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
