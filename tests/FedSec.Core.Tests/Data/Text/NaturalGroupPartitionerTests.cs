using FedSec.Data.Text;

namespace FedSec.Core.Tests.Data.Text;

public sealed class NaturalGroupPartitionerTests
{
    [Fact]
    public void Partition_AsManyClientsAsGroups_OneGroupEach()
    {
        int[] groups = [0, 1, 2, 0, 1, 2];

        var parts = new NaturalGroupPartitioner().Partition(groups, 3, 3, new Random(0));

        Assert.Equal([[0, 3], [1, 4], [2, 5]], parts);
    }

    [Fact]
    public void Partition_FewerClients_ConsecutiveGroupsUpToTheirShare()
    {
        // Group sizes 1, 1, 2, 4 (8 samples), 2 clients: client 0 takes groups 0-2 (4 samples = its share), client 1 group 3.
        int[] groups = [0, 1, 2, 2, 3, 3, 3, 3];

        var parts = new NaturalGroupPartitioner().Partition(groups, 4, 2, new Random(0));

        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7]], parts);
    }

    [Fact]
    public void Partition_OneBigFirstGroup_LeavesAGroupForEveryLaterClient()
    {
        int[] groups = [0, 0, 0, 0, 0, 0, 1, 2];

        var parts = new NaturalGroupPartitioner().Partition(groups, 3, 3, new Random(0));

        Assert.Equal([[0, 1, 2, 3, 4, 5], [6], [7]], parts);
    }

    [Fact]
    public void Partition_MoreClientsThanGroups_SaysHowManyGroups()
    {
        var e = Assert.Throws<ArgumentException>(() => new NaturalGroupPartitioner().Partition([0, 1, 1], 3, 3, new Random(0)));

        Assert.Contains("2 groups", e.Message, StringComparison.Ordinal);
    }
}
