using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.ServerOptimizers;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public sealed class FedNovaExperimentTests
{
    [Fact]
    public void Complete_FedNova_NormalisesByTheStepsEachClientsTrainingReported()
    {
        // Clients of 5, 6 and 7 samples report 5, 6 and 7 steps: the server's new model is FedNova's on those τᵢ.
        var config = new ExperimentConfig { ClientNumInTotal = 3, ClientNumPerRound = 3, CommRound = 1, FederatedOptimizer = FederatedOptimizer.FedNova };
        var data = new ExperimentData(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i)).ToArray(), FakeBackend.Data(7, 0));
        var experiment = new Experiment(TestSetup.Of(config, null), new StepCountingBackend(), data);
        var server = experiment.CreateServer();
        var plan = server.Plan();
        var results = experiment.CreateClients().Train(plan, plan.Sampled);
        var training = ClientTraining.Assemble(plan.Round, plan.Sampled, results.OfType<ClientResult>().ToDictionary(r => r.ClientId));

        Assert.Equal(new Dictionary<int, int> { [0] = 5, [1] = 6, [2] = 7 }, training.LocalSteps);
        server.Complete(plan, training);

        var nova = new FedNovaServer(1, 32, 0);
        var prepared = nova.Prepare(training.Updates, new ReceivedUpdates(plan.Global, server.Layout, training.LocalSteps, null, null));
        var expected = nova.Step(plan.Global, WeightedMean.Of(prepared), server.Layout);
        Assert.Equal(expected, server.Global);
        Assert.NotEqual(WeightedMean.Of(training.Updates), server.Global);
    }
}
