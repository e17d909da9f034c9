using FedSec.Network.Node;
using FedSec.Network.Protocol;
using Google.Protobuf;

namespace FedSec.Network.Tests.Node;

/// <summary>
/// A node reading what a server streams (fuzz target 'task'): a hostile model length is a clear error before anything
/// is allocated. The byte strings are the harness's inputs (length-delimited TaskMessages, as fuzz/run.sh feeds them).
/// </summary>
public class TaskAssemblyTests
{
    private static TaskAssembly Take(int layoutLength, string hex)
    {
        var task = new TaskAssembly(layoutLength);
        using var bytes = new MemoryStream(Convert.FromHexString(hex));
        while (bytes.Position < bytes.Length && task.Take(TaskMessage.Parser.ParseDelimitedFrom(bytes)))
        {
        }

        task.Complete();
        return task;
    }

    [Theory]
    [InlineData("0d0a0b40ffffffffffffffffff01", "announces -1 values; the model has 4")]          // was OverflowException (new float[-1])
    [InlineData("080a0640ffffffff07", "announces 2147483647 values; the model has 4")]             // was an 8 GB allocation (OutOfMemoryException)
    [InlineData("0c0a0a606040ffefbdb2ffa27ff206", "announces -162564097 values; the model has 4")] // afl's crash (fuzz/findings/task, 2026-12-03): OverflowException
    [InlineData("020a00", "announces 0 values; the model has 4")]
    public void Take_HeaderAnnouncingAnotherLength_IsAFederationErrorNamingBoth(string hex, string expected)
    {
        var error = Assert.Throws<FederationException>(() => Take(4, hex));
        Assert.Equal($"The server's task for round 1 {expected}; run the same fedsec version and configuration on the server and the nodes.", error.Message);
    }

    [Fact]
    public void Take_ChunkPastTheAnnouncedLength_IsAFederationError()
    {
        var header = new TaskMessage { Header = new TaskHeader { Round = 2, ModelLength = 1 } };
        var chunk = new TaskMessage { Chunk = new ModelChunk { Data = ByteString.CopyFrom(new byte[8]) } };
        var task = new TaskAssembly(1);
        task.Take(header);
        var error = Assert.Throws<FederationException>(() => task.Take(chunk));
        Assert.StartsWith("The server's task for round 3 sent more than the 1 values (4 bytes) it announced", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Take_HeaderAndChunksOfTheLayout_GiveTheModel()
    {
        var header = new TaskMessage { Header = new TaskHeader { ModelLength = 2 } };
        var chunk = new TaskMessage { Chunk = new ModelChunk { Data = ByteString.CopyFrom(BitConverter.GetBytes(1.5f).Concat(BitConverter.GetBytes(-2f)).ToArray()) } };
        var task = new TaskAssembly(2);
        Assert.True(task.Take(header));
        Assert.True(task.Take(chunk));
        Assert.Equal([1.5f, -2f], task.Complete()!);
    }

    private static TaskHeader AsyncHeader(int[] clients, int[] staleness, int[] models)
    {
        var header = new TaskHeader { Round = 4, ModelLength = 2 };
        header.Clients.AddRange(clients);
        header.Sampled.AddRange(clients);
        header.Staleness.AddRange(staleness);
        header.ModelStaleness.AddRange(models);
        return header;
    }

    [Fact]
    public void Plan_Directives_KeptForTheNodesOwnClientsOnly()
    {
        var header = new TaskHeader { Round = 1, ModelLength = 2 };
        header.Clients.AddRange([7, 8]);
        header.Sampled.AddRange([6, 7, 8]);
        header.Directives[8] = 0;
        header.Directives[6] = 1;

        var plan = TaskPlan.Of(header, [1f, 2f], 2);

        Assert.Equal(new Dictionary<int, int> { [8] = 0 }, plan.Directives);
    }

    [Fact]
    public void Take_AsynchronousTask_GivesEachClientTheModelOfItsStaleness()
    {
        // Clients 7 and 9 start from the model of 2 steps ago, client 8 from the current one: two models are streamed.
        var header = AsyncHeader([7, 8, 9], [2, 0, 2], [0, 2]);
        var floats = new[] { 1f, 2f, 3f, 4f };
        var task = new TaskAssembly(2);
        task.Take(new TaskMessage { Header = header });
        task.Take(new TaskMessage { Chunk = new ModelChunk { Data = ByteString.CopyFrom(floats.SelectMany(BitConverter.GetBytes).ToArray()) } });

        var plan = TaskPlan.Of(header, task.Complete()!, 2);

        Assert.Equal([1f, 2f], plan.Global);
        Assert.Equal([3f, 4f], plan.StartModel(7));
        Assert.Equal([1f, 2f], plan.StartModel(8));
        Assert.Equal([3f, 4f], plan.StartModel(9));
        Assert.Equal(new Dictionary<int, int> { [7] = 2, [8] = 0, [9] = 2 }, plan.Staleness);
    }

    [Theory]
    [InlineData(new[] { 1 }, new[] { 0, 1 }, "gives 1 staleness values for its 2 clients")]
    [InlineData(new[] { 1, 1 }, new[] { 1 }, "sends models of staleness [1] for clients of staleness [1, 1]")]
    [InlineData(new[] { 3, 0 }, new[] { 0, 1 }, "sends models of staleness [0, 1] for clients of staleness [3, 0]")]
    [InlineData(new[] { 1, 0 }, new[] { 0, 1, 1 }, "sends models of staleness [0, 1, 1]")]
    [InlineData(new[] { 0, 0 }, new[] { 0, 5 }, "sends models of staleness [0, 5]")]
    [InlineData(new[] { -1, 0 }, new[] { 0, -1 }, "sends models of staleness [0, -1]")]
    public void Take_AsynchronousHeaderThatDoesNotAddUp_IsAFederationErrorBeforeAllocating(int[] staleness, int[] models, string expected)
    {
        var task = new TaskAssembly(2);

        var error = Assert.Throws<FederationException>(() => task.Take(new TaskMessage { Header = AsyncHeader([7, 8], staleness, models) }));

        Assert.StartsWith($"The server's task for round 5 {expected}", error.Message, StringComparison.Ordinal);
    }
}
