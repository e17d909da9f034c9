using FedSec.Cli.Commands.Run;
using FedSec.Configuration;
using FedSec.Torch.Simulation;

namespace FedSec.Cli.Tests.Commands.Run;

public sealed class RunInputTests : IDisposable
{
    private readonly ExperimentFactory _factory = ExperimentFactory.CreateDefault();
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Load_NoFile_TheEmbeddedDefaultExperiment()
    {
        var input = RunInput.Load(new RunSettings(), _factory.Components);
        var config = _factory.Bind(input.Config).Config;

        Assert.Equal("the embedded default experiment", input.Source);
        Assert.Equal("krum", Assert.Single(config.DefenseTypes));
        Assert.Equal(10, config.ClientNumInTotal);
    }

    [Fact]
    public void Load_SeedAndSets_SeedFirstThenEachSetInOrder()
    {
        var settings = new RunSettings { Seed = "3", Set = ["random_seed=5", "train_args.comm_round=2", "comm_round=4"] };

        var config = _factory.Bind(RunInput.Load(settings, _factory.Components).Config).Config;

        Assert.Equal(5, config.RandomSeed);
        Assert.Equal(4, config.CommRound);
    }

    [Fact]
    public void Load_File_ItsValuesAndItsName()
    {
        string file = _dir.File("mine.yaml");
        File.WriteAllText(file, "train_args:\n  comm_round: 6\n");

        var input = RunInput.Load(new RunSettings { ConfigFile = file, Seed = "2" }, _factory.Components);
        var config = _factory.Bind(input.Config).Config;

        Assert.Equal(file, input.Source);
        Assert.Equal(6, config.CommRound);
        Assert.Equal(2, config.RandomSeed);
    }

    [Fact]
    public void Load_MissingFile_ConfigExceptionNamingIt()
    {
        var e = Assert.Throws<ConfigException>(() => RunInput.Load(new RunSettings { ConfigFile = _dir.File("absent.yaml") }, _factory.Components));

        Assert.Contains("absent.yaml", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
