using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Defenses.Krum;
using FedSec.Defenses.NormDiffClipping;
using FedSec.Simulation;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>
/// A small model-free experiment: 4 clients, a random Byzantine client and Krum (with <c>exactSum</c>: norm-difference
/// clipping and <c>train_args.exact_sum</c>, a streamable round); each call makes fresh components.
/// </summary>
internal static class FakeExperiment
{
    public const int Clients = 4;

    public static ExperimentConfig Config(int rounds = 2, int minClients = 0, bool exactSum = false) => new()
    {
        ClientNumInTotal = Clients,
        ClientNumPerRound = Clients,
        CommRound = rounds,
        RandomSeed = 3,
        EnableAttack = true,
        AttackType = "byzantine",
        EnableDefense = true,
        DefenseTypes = new[] { exactSum ? "norm_diff_clipping" : "krum" },
        MinClients = minClients,
        ExactSum = exactSum,
    };

    public static Experiment Create(ExperimentConfig config) => Create(config, fingerprint: null);

    /// <summary>The experiment, its data set fingerprinted as <paramref name="fingerprint"/> (null: unknown), trained by <paramref name="backend"/> (a <see cref="FakeBackend"/> by default).</summary>
    public static Experiment Create(ExperimentConfig config, string? fingerprint, IModelBackend? backend = null) => new(
        TestSetup.Of(
            config,
            new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 }),
            config.ExactSum ? new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 1 }) : new KrumDefense(new KrumOptions { ByzantineClientNum = 1, M = 2 })),
        backend ?? new FakeBackend(),
        new ExperimentData(Enumerable.Range(0, config.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)) { SourceFingerprint = fingerprint });

    /// <summary>
    /// The experiment without attack and defense, aggregated by secure aggregation (FedSec.Privacy's protocol) with the
    /// given shares and threshold, trained by <paramref name="backend"/> (a <see cref="FakeBackend"/> by default).
    /// </summary>
    public static Experiment Secure(ExperimentConfig config, int shares, int threshold, double dropout = 0, IModelBackend? backend = null)
    {
        var options = new FedSec.Privacy.SecureAggregation.SecAggOptions
        {
            NumShares = shares,
            Threshold = threshold,
            QuantizationRange = FedSec.Privacy.SecureAggregation.FixedPoint.DefaultRange(config.ClientNumPerRound),
            DropoutRate = dropout,
        };
        var protocol = new FedSec.Privacy.SecureAggregation.SecureAggregationProtocol(options, () => []);
        var setup = TestSetup.Of(config, null) with { Extensions = [new FedSec.Setup.ConfiguredExtension("secure_aggregation_args", protocol, [])] };
        return new Experiment(
            setup,
            backend ?? new FakeBackend(),
            new ExperimentData(Enumerable.Range(0, config.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));
    }

    /// <summary>A configuration for <see cref="Secure"/>: 4 clients, all sampled, no attack or defense.</summary>
    public static ExperimentConfig SecureConfig(int rounds = 2) => new()
    {
        ClientNumInTotal = Clients,
        ClientNumPerRound = Clients,
        CommRound = rounds,
        RandomSeed = 3,
    };
}
