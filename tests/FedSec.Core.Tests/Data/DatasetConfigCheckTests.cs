using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public class DatasetConfigCheckTests
{
    [Fact]
    public void Check_FemnistAboveItsWriters_ProblemNamesClientNumInTotal()
    {
        var (problems, _) = DatasetConfigCheck.Check(new ExperimentConfig { Dataset = "femnist", ClientNumInTotal = 3401, ClientNumPerRound = 10 });

        var problem = Assert.Single(problems);
        Assert.Equal("train_args.client_num_in_total", problem.Key);
        Assert.Contains("3400 writers", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FemnistWithPartitionKeysWritten_OneWarningEachAndOneForTheWriterCount()
    {
        var ns = ConfigReader.Parse("data_args: { dataset: femnist, partition_method: hetero, partition_alpha: 0.5 }\ntrain_args: { client_num_in_total: 10 }", "test");
        var config = new ExperimentConfig { Dataset = "femnist", ClientNumInTotal = 10, Namespace = ns };

        var (problems, warnings) = DatasetConfigCheck.Check(config);

        Assert.Empty(problems);
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("data_args.partition_method:", StringComparison.Ordinal) && w.Contains("not used", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("data_args.partition_alpha:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("train_args.client_num_in_total:", StringComparison.Ordinal) && w.Contains("first 10 of its 3400", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FemnistWithAllWritersAndNoPartitionKeys_NothingToSay()
    {
        var (problems, warnings) = DatasetConfigCheck.Check(new ExperimentConfig { Dataset = "femnist", ClientNumInTotal = 3400, ClientNumPerRound = 10 });

        Assert.Empty(problems);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Check_DatasetWithoutNaturalClients_NothingToSay()
    {
        var ns = ConfigReader.Parse("data_args: { dataset: cifar100, partition_method: hetero }", "test");

        var (problems, warnings) = DatasetConfigCheck.Check(new ExperimentConfig { Dataset = "cifar100", ClientNumInTotal = 5000, Namespace = ns });

        Assert.Empty(problems);
        Assert.Empty(warnings);
    }
}
