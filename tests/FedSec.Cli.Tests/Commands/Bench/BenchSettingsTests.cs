using FedSec.Cli.Commands.Bench;

namespace FedSec.Cli.Tests.Commands.Bench;

public sealed class BenchSettingsTests
{
    [Fact]
    public void OutputDirectory_NoOutput_ResultsSlashTheGridFileName() =>
        Assert.Equal(Path.Combine("results", "mnist"), new BenchSettings { GridFile = Path.Combine("examples", "paper", "mnist.yaml") }.OutputDirectory);

    [Fact]
    public void OutputDirectory_Output_IsIt() => Assert.Equal("out", new BenchSettings { GridFile = "g.yaml", Output = "out" }.OutputDirectory);

    [Fact]
    public void Parallel_NoOption_TheCoreCount() => Assert.Equal(6, new BenchSettings().Parallel(processorCount: 6));

    [Fact]
    public void Parallel_Option_IsIt() => Assert.Equal(2, new BenchSettings { ParallelText = "2" }.Parallel(processorCount: 6));

    [Fact]
    public void Threads_NoOption_One() => Assert.Equal(1, new BenchSettings().Threads);

    [Fact]
    public void Validate_ParallelZeroAndThreadsNotANumber_FailsNamingBoth()
    {
        var result = new BenchSettings { ParallelText = "0", ThreadsText = "x" }.Validate();

        Assert.Equal("--parallel expects a whole number of at least 1, not '0'. --threads expects a whole number of at least 1, not 'x'.", result.Message);
    }
}
