using FedSec.Privacy.SecureAggregation;

namespace FedSec.Privacy.Tests.SecureAggregation;

/// <summary>
/// Bonawitz et al.'s U₂: a client that drops out before sharing its keys is out of the round; the others mask only with
/// the neighbours that shared, and the server unmasks the sum of the survivors without it.
/// </summary>
public class LeftBeforeSharingTests
{
    // Runs the protocol over every pair of `clients` with threshold t; `silent` never share; every other client sends
    // its masked input. Returns the unmasked sum (or the failure).
    private static (uint[]? Sum, string? Failure) Run(IReadOnlyList<uint[]> inputs, int threshold, IReadOnlySet<int> silent, bool maskOnlyWithSharers = true)
    {
        int n = inputs.Count;
        var neighbours = Enumerable.Range(0, n).ToDictionary(c => c, c => (IReadOnlyList<int>)Enumerable.Range(0, n).Where(v => v != c).ToArray());
        var clients = Enumerable.Range(0, n).Select(c => new SecAggClient(c, neighbours[c], threshold)).ToArray();
        try
        {
            var server = new SecAggServer(inputs[0].Length, threshold, neighbours);
            foreach (var c in clients)
            {
                server.ReceiveKeys(c.Advertise());
            }

            var sharers = Enumerable.Range(0, n).Where(c => !silent.Contains(c)).ToHashSet();
            foreach (var message in sharers.SelectMany(c => clients[c].ShareKeys(server.Keys)).Where(m => sharers.Contains(m.To)).ToArray())
            {
                clients[message.To].Receive(message);
            }

            foreach (int c in silent)
            {
                server.LeftBeforeSharing(c);
            }

            foreach (int c in sharers)
            {
                if (maskOnlyWithSharers)
                {
                    clients[c].MaskOnlyWith(sharers);
                }

                server.ReceiveMaskedInput(c, clients[c].Mask(inputs[c]));
            }

            return server.Unmask(sharers.SelectMany(c => clients[c].Unmask(sharers)).ToArray());
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }

    [Fact]
    public void ThreeClients_TheThirdNeverShares_SumOfTheOtherTwo()
    {
        uint[][] inputs = [[1, 2, 3], [10, 20, 30], [100, 200, 300]];
        var (sum, failure) = Run(inputs, threshold: 2, silent: new HashSet<int> { 2 });
        Assert.Null(failure);
        Assert.Equal([11u, 22u, 33u], sum!);
    }

    [Fact]
    public void ThreeClients_TheOthersStillMaskWithTheSilentOne_TheSumIsNotTheirs()
    {
        // What the rule prevents: a mask shared with a client that never shared its key cannot be taken off.
        uint[][] inputs = [[1, 2, 3], [10, 20, 30], [100, 200, 300]];
        var (sum, failure) = Run(inputs, threshold: 2, silent: new HashSet<int> { 2 }, maskOnlyWithSharers: false);
        Assert.Null(failure);
        Assert.NotEqual([11u, 22u, 33u], sum!);
    }

    [Fact]
    public void TooFewSharers_FailsNamingTheSecret()
    {
        uint[][] inputs = [[1], [2], [3]];
        var (sum, failure) = Run(inputs, threshold: 3, silent: new HashSet<int> { 0 });
        Assert.Null(sum);
        Assert.Equal("only 2 of 2 clients sent their masked input; client 1's self-mask seed has 2 surviving shares and reconstruction_threshold is 3", failure);
    }

    [Fact]
    public void MaskedInputOfAClientThatLeftBeforeSharing_Refused()
    {
        var neighbours = new Dictionary<int, IReadOnlyList<int>> { [0] = [1], [1] = [0] };
        var server = new SecAggServer(2, 1, neighbours);
        server.LeftBeforeSharing(1);
        var error = Assert.Throws<FedSec.Simulation.InvalidUpdateException>(() => server.ReceiveMaskedInput(1, new uint[2]));
        Assert.Contains("client 1 sent a masked vector it was not due to send", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomSilentClients_AboveTheThreshold_TheSumIsExactlyTheSharersSumModTwoToThe32(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(4, 8);
        int threshold = 2;
        var inputs = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 16).Select(_ => (uint)rng.NextInt64(0, uint.MaxValue + 1L)).ToArray()).ToArray();
        var silent = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(rng.Next(1, n - threshold + 1)).ToHashSet();
        var (sum, failure) = Run(inputs, threshold, silent);
        Assert.Null(failure);
        var expected = new uint[16];
        foreach (int c in Enumerable.Range(0, n).Where(c => !silent.Contains(c)))
        {
            for (int i = 0; i < 16; i++)
            {
                expected[i] = unchecked(expected[i] + inputs[c][i]);
            }
        }

        Assert.Equal(expected, sum!);
    }
}
