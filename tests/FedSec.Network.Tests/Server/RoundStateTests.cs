using FedSec.Network.Server;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>What a round on the server still waits for after a client reports a divergence.</summary>
public sealed class RoundStateTests
{
    private static RoundState Round(params int[] malicious) => Round(false, malicious);

    private static RoundState Round(bool dropEveryDivergence, params int[] malicious) =>
        new(new RoundPlan(0, [0, 1, 2], true, malicious.ToHashSet(), malicious.ToHashSet(), [0f]) { DropEveryDivergence = dropEveryDivergence }, forgeOwnUpdates: false);

    private static ClientResult Diverged(int client) => new(client, 5, [float.NaN], 0.3) { DivergedReason = $"client {client}'s local training produced NaN at w[0]" };

    [Fact]
    public void Accept_HonestDivergence_TheClientsAfterItAreNoLongerWanted()
    {
        var round = Round(malicious: 2);

        round.Accept(Diverged(1));

        Assert.Equal([0], round.Pending());
        Assert.False(round.Wants(2));
        Assert.Equal(1, round.ReportedCount);
    }

    [Fact]
    public void Accept_MaliciousDivergence_TheRoundStillWantsEveryOtherClient()
    {
        var round = Round(malicious: 1);

        round.Accept(Diverged(1));

        Assert.Equal([0, 2], round.Pending());
        Assert.Equal([0, 2], round.Missing());
        Assert.Equal(1, round.ReportedCount);
    }

    [Fact]
    public void Accept_HonestDivergenceWhenTheServerDropsEveryDivergence_TheRoundStillWantsEveryOtherClient()
    {
        var round = Round(dropEveryDivergence: true, malicious: 2);

        round.Accept(Diverged(1));

        Assert.Equal([0, 2], round.Pending());
        Assert.Equal([0, 2], round.Missing());
    }
}
