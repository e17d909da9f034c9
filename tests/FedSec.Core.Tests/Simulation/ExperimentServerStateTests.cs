using System.Text.Json;
using FedSec.Attacks.Mimic;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.CenteredClipping;
using FedSec.Defenses.FoolsGold;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class ExperimentServerStateTests
{
    // Every stateful part at once: Mimic's followed client, FoolsGold's histories, centered clipping's previous
    // aggregate and FedAdam's moments.
    private static Experiment NewExperiment() => new(
        TestSetup.Of(
            new ExperimentConfig
            {
                ClientNumInTotal = 5,
                ClientNumPerRound = 5,
                CommRound = 4,
                RandomSeed = 9,
                EnableAttack = true,
                AttackType = "mimic",
                EnableDefense = true,
                DefenseTypes = new[] { "foolsgold", "cclip" },
                FederatedOptimizer = FederatedOptimizer.FedAdam,
            },
            new MimicAttack(new MimicOptions { ClientNum = 1 }),
            new FoolsGoldDefense(new FoolsGoldOptions()),
            new CenteredClippingDefense(new CenteredClippingOptions())),
        new FakeBackend(d: 12),
        new ExperimentData(Enumerable.Range(0, 5).Select(i => FakeBackend.Data(4 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));

    private static void RunRounds(ExperimentServer server, ExperimentClients clients, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var plan = server.Plan();
            var results = clients.Train(plan, plan.Sampled).OfType<ClientResult>().ToDictionary(r => r.ClientId);
            server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, results));
        }
    }

    private static string[] Lines(IEnumerable<RoundRecord> records) =>
        records.Select(r => JsonSerializer.Serialize(r.WithoutTimings(), JsonOptions.Lines)).ToArray();

    [Fact]
    public void ReadState_AfterTwoRoundsIntoAFreshExperiment_LastTwoRoundsAsIfNeverStopped()
    {
        var whole = NewExperiment().Run();

        var first = NewExperiment();
        var server = first.CreateServer();
        RunRounds(server, first.CreateClients(), 2);
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            server.WriteState(writer);
        }

        var second = NewExperiment();
        var resumed = second.CreateServer();
        resumed.ResumeAt(server.Records, server.Global.ToArray());
        state.Position = 0;
        resumed.ReadState(new BinaryReader(state));
        RunRounds(resumed, second.CreateClients(), 2);

        Assert.Equal(Lines(whole.Rounds), Lines(resumed.Result().Rounds));
        Assert.Equal(whole.FinalGlobal, resumed.Result().FinalGlobal);
    }

    [Fact]
    public void ReadState_WithoutTheState_DiffersFromTheWholeRun()
    {
        // The control: resuming with fresh components (no ReadState) does not give the whole run's numbers, so the
        // test above checks the state, not a stateless coincidence.
        var whole = NewExperiment().Run();
        var first = NewExperiment();
        var server = first.CreateServer();
        RunRounds(server, first.CreateClients(), 2);
        var second = NewExperiment();
        var resumed = second.CreateServer();
        resumed.ResumeAt(server.Records, server.Global.ToArray());
        RunRounds(resumed, second.CreateClients(), 2);
        Assert.NotEqual(whole.FinalGlobal, resumed.Result().FinalGlobal);
    }

    [Fact]
    public void ReadState_OtherComponents_ThrowsNamingBoth()
    {
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            NewExperiment().CreateServer().WriteState(writer);
        }

        state.Position = 0;
        var plain = new Experiment(TestSetup.Of(new ExperimentConfig { ClientNumInTotal = 1, ClientNumPerRound = 1 }, null), new FakeBackend(d: 12), new ExperimentData([FakeBackend.Data(4, 1)], FakeBackend.Data(4, 1)));
        var error = Assert.Throws<InvalidDataException>(() => plain.CreateServer().ReadState(new BinaryReader(state)));
        Assert.Equal("The checkpoint holds the state of attack mimic, defense 0 foolsgold, defense 1 cclip, server optimizer; this configuration's stateful components are none.", error.Message);
    }
}
