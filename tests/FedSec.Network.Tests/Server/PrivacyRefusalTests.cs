using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;
using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Privacy.SecureAggregation;
using FedSec.Setup;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>What a distributed server cannot run with the privacy sections is refused when it starts, with a sentence naming the key and what to do.</summary>
public class PrivacyRefusalTests
{
    private static FederationOptions Options(bool ownUpdateAtClients = true) => new() { RunId = "r", ConfigYaml = "x: 1\n", OwnUpdateAttacksAtClients = ownUpdateAtClients };

    private static Experiment With(ExperimentConfig config, object? attack, params ConfiguredExtension[] extensions) => new(
        TestSetup.Of(config, attack) with { Extensions = extensions },
        new FakeBackend(),
        new ExperimentData(Enumerable.Range(0, config.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));

    private static ConfiguredExtension SecAgg(double dropout = 0) => new(
        "secure_aggregation_args",
        new SecureAggregationProtocol(new SecAggOptions { NumShares = 4, Threshold = 3, QuantizationRange = 1 << 20, DropoutRate = dropout }, () => []),
        []);

    private static string Refusal(Experiment experiment, bool ownUpdateAtClients = true) =>
        Assert.Throws<FederationException>(() => new FederationCoordinator(experiment.CreateServer(), Options(ownUpdateAtClients), _ => { })).Message;

    [Fact]
    public void SimulatedDropoutRate_Refused()
    {
        var message = Refusal(FakeExperiment.Secure(FakeExperiment.SecureConfig(), 4, 3, dropout: 0.1));
        Assert.StartsWith("secure_aggregation_args.dropout_rate = 0.1 simulates dropouts", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnUpdateAttackForgedAtTheServer_RefusedUnderSecureAggregation_AcceptedAtTheClients()
    {
        var config = FakeExperiment.SecureConfig() with { EnableAttack = true, AttackType = "byzantine" };
        Experiment Make() => With(config, new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 }), SecAgg());
        Assert.Contains("--own-update-attacks client", Refusal(Make(), ownUpdateAtClients: false), StringComparison.Ordinal);
        using var accepted = new FederationCoordinator(Make().CreateServer(), Options(), _ => { });
        Assert.True(accepted.SecureAggregation);
    }

    [Fact]
    public void AdaptiveClientSideClipping_Refused_FixedAccepted()
    {
        var config = FakeExperiment.SecureConfig();
        var shape = new ExperimentShape(config.ClientNumInTotal, config.ClientNumPerRound, config.CommRound);
        ConfiguredExtension Dp(bool adaptive) => new("dp_args", new ClientClippedDp(new DpOptions { NoiseMultiplier = 1, ClippingNorm = 1, Adaptive = adaptive, ClippedCountStddev = 1 }, shape), []);
        Assert.StartsWith("dp_args: dp_clip with adaptive clipping does not run distributed yet", Refusal(With(config, null, Dp(adaptive: true))), StringComparison.Ordinal);
        using var accepted = new FederationCoordinator(With(config, null, Dp(adaptive: false)).CreateServer(), Options(), _ => { });
        Assert.False(accepted.SecureAggregation);
    }
}
