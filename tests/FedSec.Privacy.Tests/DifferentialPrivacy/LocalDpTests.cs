using FedSec.Parameters;
using FedSec.Privacy.Accounting;
using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Privacy.Mechanisms;
using FedSec.Privacy.Tests.TestSupport;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Privacy.Tests.DifferentialPrivacy;

public class LocalDpTests
{
    private static ParameterLayout Flat(int d) => new(new[] { ("w", (IReadOnlyList<long>)new long[] { d }, ParameterKind.Trainable) });

    private static ClientContext Client(int id, int round = 0) => new() { Round = round, ClientId = id, Seeds = new SeedStreams(3) };

    [Fact]
    public void ProcessLocalModel_Gaussian_NoiseStdIsTheAnalyticSigmaAroundTheClippedUpdate()
    {
        var ldp = new LocalDp(new DpOptions { Solution = DpSolution.Ldp, Epsilon = 50, ClippingNorm = 1 });
        int d = 300_000;
        var global = new float[d];
        var local = Enumerable.Repeat(1f, d).ToArray();      // delta of norm sqrt(d): clipped to 1, each coordinate 1/sqrt(d)
        var sent = ldp.ProcessLocalModel(local, global, Flat(d), Client(0));
        double clipped = 1 / Math.Sqrt(d);
        double std = Math.Sqrt(sent.Average(v => (v - clipped) * (v - clipped)));
        double sigma = AnalyticGaussian.Sigma(50, 1e-5, 2);
        Assert.Equal(sigma, ldp.NoiseScale, 12);
        Assert.InRange(std, sigma * 0.99, sigma * 1.01);
    }

    [Fact]
    public void ProcessLocalModel_SameClientAndRound_SameNoise_OtherClient_OtherNoise()
    {
        var ldp = new LocalDp(new DpOptions { Solution = DpSolution.Ldp, Epsilon = 1 });
        float[] Sent(int client) => ldp.ProcessLocalModel(new float[100], new float[100], Flat(100), Client(client));
        Assert.Equal(Sent(1), Sent(1));
        Assert.NotEqual(Sent(1), Sent(2));
    }

    [Fact]
    public void ProcessLocalModel_SecureNoise_NotTheSeededStreamsNoiseNorRepeatedButOfTheSameSigma()
    {
        // secure_noise: a server that knows the seed cannot recompute the noise (the seeded run's is not it), two releases
        // of the same client and round differ, and σ is the analytic one.
        int d = 300_000;
        var seeded = new LocalDp(new DpOptions { Solution = DpSolution.Ldp, Epsilon = 50 });
        var secure = new LocalDp(new DpOptions { Solution = DpSolution.Ldp, Epsilon = 50, SecureNoise = true });
        float[] Sent(LocalDp ldp) => ldp.ProcessLocalModel(new float[d], new float[d], Flat(d), Client(1));

        var first = Sent(secure);
        Assert.NotEqual(Sent(seeded), first);
        Assert.NotEqual(first, Sent(secure));
        double std = Math.Sqrt(first.Average(v => (double)v * v));
        Assert.InRange(std, secure.NoiseScale * 0.99, secure.NoiseScale * 1.01);
        Assert.Contains(secure.CheckInitialModel(new float[d], Flat(d), 1), w => w.StartsWith("dp_args.secure_noise:", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Gaussian_EpsilonComposesTheMostSampledClientsReleases()
    {
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("dp_solution_type: ldp\nepsilon: 2", clients: 3, perRound: 3, rounds: 3));
        var result = new Experiment(setup, new StepBackend(d: 10), StepBackend.Data(3)).Run();
        double z = AnalyticGaussian.Sigma(2, 1e-5, 2) / 2;
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(RdpAccountant.EpsilonAfter(z, 1.0, r + 1, 1e-5).Epsilon, result.Rounds[r].Metrics["epsilon"], 12);
        }
    }

    [Fact]
    public void Run_Laplace_EpsilonIsReleasesTimesEpsilon()
    {
        var setup = PrivacySetup.Bind(PrivacySetup.Yaml("dp_solution_type: ldp\nmechanism_type: laplace\nepsilon: 0.5", clients: 3, perRound: 3, rounds: 2));
        var result = new Experiment(setup, new StepBackend(d: 10), StepBackend.Data(3)).Run();
        Assert.Equal(1.0, result.Rounds[1].Metrics["epsilon"], 12);
    }
}
