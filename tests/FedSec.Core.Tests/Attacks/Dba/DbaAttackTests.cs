using FedSec.Setup;
using FedSec.Attacks.Dba;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Attacks.Dba;

public class DbaAttackTests
{
    private static DbaAttack Attack() => new(new DbaOptions { PoisonFraction = 1.0, TargetLabel = 0 });

    // The stamped positions of one 28×28 image, as (row, column).
    private static HashSet<(int, int)> Ones(FedSec.Data.ImageSet set, int index)
    {
        var image = set.Image(index);
        var ones = new HashSet<(int, int)>();
        for (int p = 0; p < image.Length; p++)
        {
            if (image[p] == 1f)
            {
                ones.Add((p / 28, p % 28));
            }
        }

        return ones;
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(5, 1)]
    [InlineData(9, 2)]
    [InlineData(11, 3)]
    [InlineData(14, 0)]
    public void PoisonData_KthAttackerByRank_StampsPartKModParts(int client, int part)
    {
        var attack = Attack();
        var data = AttackFixtures.Images(3, size: 28);
        attack.PoisonData(data, AttackFixtures.Client(client, malicious: new[] { 2, 5, 9, 11, 14 }));
        var expected = attack.Parts[part].Pixels(28, 28).ToHashSet();
        Assert.Equal(expected, Ones(data, 0));
        Assert.All(data.Labels, l => Assert.Equal(0, l));
    }

    [Fact]
    public void Run_FourAttackersInTheEngine_EachTrainsOnThePartOfItsRank()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 10, ClientNumPerRound = 10, CommRound = 1, RandomSeed = 3, EnableAttack = true, AttackType = "dba" };
        var clients = Enumerable.Range(0, 10).Select(_ => AttackFixtures.Images(4, size: 28)).ToArray();
        var backend = new FakeBackend();
        var attack = Attack();
        var result = new Experiment(TestSetup.Of(config, attack), backend, new ExperimentData(clients, AttackFixtures.Images(5, size: 28))).Run();

        var ranked = result.MaliciousIdentities.Order().ToArray();
        Assert.Equal(4, ranked.Length);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(attack.Parts[k].Pixels(28, 28).ToHashSet(), Ones(backend.TrainedOn[ranked[k]], 0));
        }

        Assert.All(Enumerable.Range(0, 10).Except(ranked), id => Assert.Same(clients[id], backend.TrainedOn[id]));
    }

    [Fact]
    public void TriggeredTestSet_CleanTest_CarriesTheFullTrigger()
    {
        var attack = Attack();
        var test = AttackFixtures.Images(12, size: 28);
        var triggered = attack.TriggeredTestSet(test);
        Assert.Equal(10, triggered.Count);
        var full = attack.Global.Pixels(28, 28).ToHashSet();
        Assert.Equal(16, full.Count);
        for (int i = 0; i < triggered.Count; i++)
        {
            Assert.Equal(full, Ones(triggered, i));
        }
    }

    [Fact]
    public void Read_Defaults_FourAttackersFourParts()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        var options = DbaOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal((4, 4, 4, 1, 2), (options.ClientNum, options.Parts, options.Size, options.BarHeight, options.Gap));
        Assert.Equal(FedSec.Attacks.Backdoor.TriggerAnchor.TopLeft, options.Position.Anchor);
    }
}
