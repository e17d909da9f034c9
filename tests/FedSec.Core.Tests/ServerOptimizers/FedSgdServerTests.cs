using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;
using FedSec.ServerOptimizers;

namespace FedSec.Core.Tests.ServerOptimizers;

public sealed class FedSgdServerTests
{
    private static readonly ParameterLayout Layout = Fixtures.FlatLayout(2);

    private static IReadOnlyList<ClientUpdate> Prepare(FedSgdServer server, float[] global, params ClientUpdate[] updates) =>
        server.Prepare(updates, new ReceivedUpdates(global, Layout, new Dictionary<int, int>(), null, null));

    [Fact]
    public void Prepare_TwoRounds_SendsGPlusTheClientsExponentialAverageOfItsDeltas()
    {
        // β = 0.5. Round 1, G = (1, 1): client 0's delta (2, −2) → u = 0.5·(2, −2) = (1, −1), sent G + u = (2, 0).
        // Round 2, G = (0, 0): delta (4, 0) → u = 0.5·(1, −1) + 0.5·(4, 0) = (2.5, −0.5), sent (2.5, −0.5).
        var server = new FedSgdServer(clientMomentum: 0.5, learningRate: 0.1, weightDecay: 0);

        var first = Prepare(server, new float[] { 1, 1 }, Fixtures.Update(0, 3, -1));
        var second = Prepare(server, new float[] { 0, 0 }, Fixtures.Update(0, 4, 0));

        Assert.Equal(new float[] { 2, 0 }, first[0].Weights);
        Assert.Equal(new float[] { 2.5f, -0.5f }, second[0].Weights);
        Assert.Equal(new float[] { 2.5f, -0.5f }, server.MomentumOf(0));
    }

    [Fact]
    public void Prepare_TwoClients_KeepsOneMomentumPerClientId()
    {
        // β = 0.9, G = 0. Round 1: client 3 sends (10, 0), client 5 (0, 10): u₃ = (1, 0), u₅ = (0, 1).
        // Round 2, only client 5, delta (0, 0): u₅ = 0.9·(0, 1) = (0, 0.9); u₃ stays (1, 0).
        var server = new FedSgdServer(0.9, 0.1, 0);
        float[] global = { 0, 0 };

        Prepare(server, global, Fixtures.Update(3, 10, 0), Fixtures.Update(5, 0, 10));
        var second = Prepare(server, global, Fixtures.Update(5, 0, 0));

        Assert.Equal(new float[] { 0, 0.9f }, second[0].Weights);
        Assert.Equal(new float[] { 1, 0 }, server.MomentumOf(3));
        Assert.Null(server.MomentumOf(4));
    }

    [Fact]
    public void Prepare_ByzFlLoop_IsMinusLearningRateTimesByzFlsGradientMomentum()
    {
        // ByzFL: m ← βm + (1 − β)g. A FedSGD client's delta is −η·g, so what it sends is G − η·m.
        // g₁ = (2, 4), g₂ = (−2, 0), β = 0.9, η = 0.1: m₁ = (0.2, 0.4), m₂ = (0.18 − 0.2, 0.36) = (−0.02, 0.36).
        var server = new FedSgdServer(0.9, 0.1, 0);
        float[] global = { 0, 0 };

        Prepare(server, global, Fixtures.Update(0, -0.2f, -0.4f));
        var sent = Prepare(server, global, Fixtures.Update(0, 0.2f, 0))[0].Weights;

        Assert.Equal(-0.1 * -0.02, sent[0], 6);
        Assert.Equal(-0.1 * 0.36, sent[1], 6);
    }

    [Fact]
    public void Prepare_Buffers_PassAsSent()
    {
        var layout = new ParameterLayout(new[] { ("w", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Trainable), ("running_mean", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Buffer) });
        var server = new FedSgdServer(0.5, 0.1, 0.5);

        var prepared = server.Prepare(new[] { Fixtures.Update(0, 4, 7) }, new ReceivedUpdates(new float[] { 2, 1 }, layout, new Dictionary<int, int>(), null, null));
        var next = server.Step(new float[] { 2, 1 }, new float[] { 3, 7 }, layout);

        Assert.Equal(new float[] { 3, 7 }, prepared[0].Weights); // w: 2 + 0.5·(4 − 2); the buffer as sent.
        Assert.Equal(new float[] { 3 - (0.1f * 0.5f * 2), 7 }, next);
    }

    [Fact]
    public void Step_WeightDecay_IsTorchSgdStepOnTheAggregatedGradient()
    {
        // η = 0.1, λ = 0.01, G = (2, −4), aggregate G − η·a with a = (1, 1): (1.9, −4.1).
        // torch SGD: G − η(a + λG) = (2 − 0.1·1.02, −4 − 0.1·0.96) = (1.898, −4.096).
        var server = new FedSgdServer(0, 0.1, 0.01);

        var next = server.Step(new float[] { 2, -4 }, new float[] { 1.9f, -4.1f }, Layout);

        Assert.Equal(1.898f, next[0], 5);
        Assert.Equal(-4.096f, next[1], 5);
    }

    [Fact]
    public void PrepareAndStep_NoMomentumNoDecay_LeaveTheRoundAsFedAvgWouldHaveIt()
    {
        var server = new FedSgdServer(0, 0.1, 0);
        var updates = new[] { Fixtures.Update(0, 1, 2), Fixtures.Update(1, 3, 4) };

        var prepared = Prepare(server, new float[] { 0, 0 }, updates);
        var aggregate = WeightedMean.Of(prepared);

        Assert.Same(updates, prepared);
        Assert.Same(aggregate, server.Step(new float[] { 0, 0 }, aggregate, Layout));
    }

    [Fact]
    public void ReadState_WhatWriteStateWrote_RestoresEveryClientsMomentum()
    {
        var server = new FedSgdServer(0.5, 0.1, 0);
        Prepare(server, new float[] { 0, 0 }, Fixtures.Update(2, 2, 4), Fixtures.Update(7, -2, 0));
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            server.WriteState(writer);
        }

        buffer.Position = 0;
        var restored = new FedSgdServer(0.5, 0.1, 0);
        restored.ReadState(new BinaryReader(buffer));

        Assert.Equal(new float[] { 1, 2 }, restored.MomentumOf(2));
        Assert.Equal(new float[] { -1, 0 }, restored.MomentumOf(7));
    }

    [Theory]
    [InlineData(0.9, 0.0, true)]
    [InlineData(0.0, 1e-4, true)]
    [InlineData(0.0, 0.0, false)]
    public void Create_FedSgd_TakesFedSgdServerOnlyWithMomentumOrDecay(double momentum, double decay, bool expected)
    {
        var config = new ExperimentConfig { FederatedOptimizer = FederatedOptimizer.FedSgd, ClientMomentum = momentum, ServerWeightDecay = decay };

        Assert.Equal(expected, ServerOptimizerFactory.Create(config) is FedSgdServer);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(-0.1, 0.0)]
    [InlineData(0.5, -1.0)]
    public void Constructor_OutOfRange_Throws(double momentum, double decay) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new FedSgdServer(momentum, 0.1, decay));
}
