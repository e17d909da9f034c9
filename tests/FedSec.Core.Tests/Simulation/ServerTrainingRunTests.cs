using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Defenses.FLTrust;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public sealed class ServerTrainingRunTests
{
    private static (int Samples, LocalTrainingSettings Settings) ServerTrainingOfARound(FLTrustOptions options)
    {
        // Clients of 5, 6 and 7 samples at batch 2 take 3, 3 and 4 steps; the root set holds 3 samples (2 batches).
        var config = new ExperimentConfig
        {
            ClientNumInTotal = 3,
            ClientNumPerRound = 3,
            CommRound = 1,
            BatchSize = 2,
            FrequencyOfTheTest = 10,
            EnableDefense = true,
            DefenseTypes = ["fltrust"],
        };
        var test = new ImageSet(Enumerable.Repeat(0.5f, 2 * 4).ToArray(), [0, 3], 1, 2, 2, 10);
        var data = new ExperimentData(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i + 1)).ToArray(), test, FakeBackend.Data(3, 2));
        var backend = new SettingsRecordingBackend();

        new Experiment(TestSetup.Of(config, null, new FLTrustAggregation(options)), backend, data).Run();

        return Assert.Single(backend.Trainings, t => t.Samples == 3);
    }

    [Fact]
    public void Run_FLTrustByDefault_ServerTakesTheClientsMeanStepCount()
    {
        // Mean of 3, 3, 4 steps is 3.33 → 3 steps: 2 epochs of the 3-sample root set, cut at step 3.
        var server = ServerTrainingOfARound(new FLTrustOptions { RootSetSize = 3 });

        Assert.Equal((2, 3, 2), (server.Settings.Epochs, server.Settings.MaxSteps, server.Settings.BatchSize));
    }

    [Fact]
    public void Run_FLTrustWithEpochs_ServerTrainsTheClientsEpochsWithoutAStepLimit()
    {
        var server = ServerTrainingOfARound(new FLTrustOptions { RootSetSize = 3, ServerTraining = ServerTrainingLength.Epochs });

        Assert.Equal((1, 0), (server.Settings.Epochs, server.Settings.MaxSteps));
    }
}
