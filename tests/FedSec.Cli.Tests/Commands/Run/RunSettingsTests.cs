using FedSec.Cli.Commands.Run;
using Spectre.Console.Cli.Testing;

namespace FedSec.Cli.Tests.Commands.Run;

public sealed class RunSettingsTests
{
    [Fact]
    public void Validate_ThreadsZero_FailsNamingThreads()
    {
        var result = new RunSettings { ThreadsText = "0" }.Validate();

        Assert.False(result.Successful);
        Assert.Equal("--threads expects a whole number of at least 1, not '0'.", result.Message);
    }

    [Fact]
    public void Validate_ParallelNotANumber_FailsNamingParallel()
    {
        var result = new RunSettings { ParallelText = "all" }.Validate();

        Assert.Equal("--parallel expects a whole number of at least 1, not 'all'.", result.Message);
    }

    [Fact]
    public void Validate_ChildOfBenchWithoutOutput_FailsNamingOutput()
    {
        var result = new RunSettings { ChildOfBench = true }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("--output", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new RunSettings().Validate().Successful);

    [Fact]
    public void Threads_Absent_IsOne() => Assert.Equal(1, new RunSettings().Threads);

    [Fact]
    public void ClientsAtOnce_NoParallel_OneClientPerCoreLeftByTheTensorThreads() =>
        Assert.Equal(4, new RunSettings { ThreadsText = "2" }.ClientsAtOnce(processorCount: 8));

    [Fact]
    public void ClientsAtOnce_MoreThreadsThanCores_One() =>
        Assert.Equal(1, new RunSettings { ThreadsText = "4" }.ClientsAtOnce(processorCount: 2));

    [Fact]
    public void ClientsAtOnce_Parallel_IsTheOption() =>
        Assert.Equal(3, new RunSettings { ParallelText = "3" }.ClientsAtOnce(processorCount: 8));

    [Fact]
    public void Bind_CommandLine_EveryOptionInItsPropertyAndRepeatedSetsInOrder()
    {
        using var dir = new TempDirectory();
        string file = dir.File("my.yaml");
        File.WriteAllText(file, "train_args: { comm_round: 3 }\n");
        var tester = new CommandAppTester();
        tester.Configure(c => FedSecApp.Configure(c, tester.Console));

        var result = tester.Run("run", file, "--seed", "3", "--set", "comm_round=2", "--set", "random_seed=4", "--threads", "2", "--parallel", "5", "--data-dir", "d", "--output", "o", "--save-model", "--print-config");

        var settings = Assert.IsType<RunSettings>(result.Settings);
        Assert.Equal((file, "3", "2", "5", "d", "o"), (settings.ConfigFile, settings.Seed, settings.ThreadsText, settings.ParallelText, settings.DataDir, settings.Output));
        Assert.Equal(["comm_round=2", "random_seed=4"], settings.Set);
        Assert.True(settings.SaveModel && settings.PrintConfig && !settings.ChildOfBench);
        Assert.Equal(0, result.ExitCode);
    }
}
