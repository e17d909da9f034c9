using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.ServerOptimizers;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public sealed class FedSgdMomentumExperimentTests
{
    private static readonly ExperimentConfig Config = new()
    {
        ClientNumInTotal = 3,
        ClientNumPerRound = 3,
        CommRound = 2,
        FederatedOptimizer = FederatedOptimizer.FedSgd,
        LearningRate = 0.1,
        ClientMomentum = 0.5,
        ServerWeightDecay = 0.01,
    };

    private static ExperimentData Data() => new(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i)).ToArray(), FakeBackend.Data(7, 0));

    [Fact]
    public void Complete_TwoRounds_EachClientsMomentumCarriesOverAndTheServerDecays()
    {
        // The server's model after two rounds is the one a FedSgdServer replayed on the same client results gives:
        // round 2's updates are mixed with round 1's per client, and each step decays G by η·λ.
        var experiment = new Experiment(TestSetup.Of(Config, null), new FakeBackend(), Data());
        var server = experiment.CreateServer();
        var replay = new FedSgdServer(0.5, 0.1, 0.01);
        float[] expected = server.Global;
        float[] plain = server.Global;
        for (int round = 0; round < 2; round++)
        {
            var plan = server.Plan();
            var results = experiment.CreateClients().Train(plan, plan.Sampled);
            var training = ClientTraining.Assemble(plan.Round, plan.Sampled, results.OfType<ClientResult>().ToDictionary(r => r.ClientId));
            server.Complete(plan, training);
            var prepared = replay.Prepare(training.Updates, new ReceivedUpdates(plan.Global, server.Layout, training.LocalSteps, null, null));
            expected = replay.Step(plan.Global, WeightedMean.Of(prepared), server.Layout);
            plain = WeightedMean.Of(training.Updates);
        }

        Assert.Equal(expected, server.Global);
        Assert.NotEqual(plain, server.Global); // plain FedSGD's round-2 model: the momentum and decay did act.
    }

    [Fact]
    public void Run_SameSeedTwice_GivesTheSameGlobalModel()
    {
        var a = new Experiment(TestSetup.Of(Config, null), new FakeBackend(), Data()).Run();
        var b = new Experiment(TestSetup.Of(Config, null), new FakeBackend(), Data()).Run();

        Assert.Equal(a.FinalGlobal, b.FinalGlobal);
    }
}
