using FedSec.Configuration;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public sealed class ServerTrainingSettingsTests
{
    private static readonly LocalTrainingSettings Clients = new(1, 32, ClientOptimizer.Sgd, 0.02, 0.9, 0, 0);

    [Fact]
    public void For_ClientSteps_MeanOfTheClientsStepsOverEnoughEpochsOfTheRootSet()
    {
        // Clients of 2 000, 1 900 and 2 100 samples take ⌈n/32⌉ = 63, 60 and 66 steps: mean 63. The 100-sample root
        // set gives 4 batches per epoch, so 16 epochs cut at step 63.
        var server = ServerTrainingSettings.For(ServerTrainingLength.ClientSteps, Clients, [2000, 1900, 2100], 100);

        Assert.Equal((16, 63), (server.Epochs, server.MaxSteps));
        Assert.Equal(Clients with { Epochs = 16, MaxSteps = 63 }, server);
    }

    [Fact]
    public void For_Epochs_TheClientsSettingsUnchanged()
    {
        Assert.Same(Clients, ServerTrainingSettings.For(ServerTrainingLength.Epochs, Clients, [2000, 1900], 100));
    }

    [Fact]
    public void ClientSteps_SeveralEpochs_MultipliesAndRoundsTheMeanHalfUp()
    {
        // 2 epochs: 10 samples at batch 4 → 2·3 = 6 steps, 13 → 2·4 = 8, 4 → 2·1 = 2, 1 → 2: mean 4.5 → 5.
        Assert.Equal(5, ServerTrainingSettings.ClientSteps(Clients with { Epochs = 2, BatchSize = 4 }, [10, 13, 4, 1]));
    }

    [Fact]
    public void ClientSteps_FedSgdLimit_OneStep()
    {
        var fedSgd = Clients with { Epochs = 3, MaxSteps = 1 };

        Assert.Equal(1, ServerTrainingSettings.ClientSteps(fedSgd, [2000, 500]));
        Assert.Equal((1, 1), (ServerTrainingSettings.For(ServerTrainingLength.ClientSteps, fedSgd, [2000], 100).Epochs, ServerTrainingSettings.For(ServerTrainingLength.ClientSteps, fedSgd, [2000], 100).MaxSteps));
    }

    [Fact]
    public void ClientSteps_ClientsWithoutData_LeftOutAndNoneLeftGivesOneStep()
    {
        Assert.Equal(63, ServerTrainingSettings.ClientSteps(Clients, [0, 2000, 0]));
        Assert.Equal(1, ServerTrainingSettings.ClientSteps(Clients, [0]));
    }
}
