using FedSec.Setup;
using FedSec.Attacks.LabelFlipping;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.LabelFlipping;

public class LabelFlippingAttackTests
{
    private static LabelFlippingAttack Attack(int clients = 1, params (int S, int T)[] flips) =>
        new(new LabelFlippingOptions { Flips = flips.Select(f => new LabelFlip(f.S, f.T)).ToArray(), ClientNum = clients });

    [Fact]
    public void PoisonData_ThreeToNineAndTwoToOne_RelabelsExactlyThoseClasses()
    {
        var data = AttackFixtures.Images(40);
        var original = (int[])data.Labels.Clone();
        var pixels = (float[])data.Pixels.Clone();
        var poisoned = Attack(1, (3, 9), (2, 1)).PoisonData(data, AttackFixtures.Client(0));
        for (int i = 0; i < original.Length; i++)
        {
            int expected = original[i] switch { 3 => 9, 2 => 1, var l => l };
            Assert.Equal(expected, poisoned.Labels[i]);
        }

        Assert.Equal(pixels, poisoned.Pixels);
    }

    [Fact]
    public void PoisonData_SwapPair_AppliesBothAtOnce()
    {
        var data = AttackFixtures.Images(20);
        var original = (int[])data.Labels.Clone();
        Attack(1, (3, 9), (9, 3)).PoisonData(data, AttackFixtures.Client(0));
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(original[i] == 3 ? 9 : original[i] == 9 ? 3 : original[i], data.Labels[i]));
    }

    [Fact]
    public void PoisonData_ClassBeyondDataSet_ConfigErrorNamesKey()
    {
        var data = AttackFixtures.Images(10, classes: 10);
        var ex = Assert.Throws<ConfigException>(() => Attack(1, (3, 12)).PoisonData(data, AttackFixtures.Client(0)));
        Assert.Equal("attack_args.target_class_list", Assert.Single(ex.Problems).Key);
        Assert.Contains("10 classes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flips_ConfiguredPairs_ExposedForMetrics()
    {
        Assert.Equal(new[] { new LabelFlip(3, 9), new LabelFlip(2, 1) }, Attack(1, (3, 9), (2, 1)).Flips);
    }

    [Fact]
    public void Run_ThreePoisonedOfTen_OnlyTheirTrainingCopiesFlippedOthersAndTestUntouched()
    {
        var config = new ExperimentConfig
        {
            ClientNumInTotal = 10,
            ClientNumPerRound = 10,
            CommRound = 2,
            RandomSeed = 5,
            EnableAttack = true,
            AttackType = "label_flipping",
        };
        var clients = Enumerable.Range(0, 10).Select(i => AttackFixtures.Images(12 + i)).ToArray();
        var originals = clients.Select(c => (int[])c.Labels.Clone()).ToArray();
        var test = AttackFixtures.Images(30);
        var testLabels = (int[])test.Labels.Clone();
        var backend = new FakeBackend();
        var attack = Attack(3, (3, 9));
        var experiment = new Experiment(TestSetup.Of(config, attack), backend, new ExperimentData(clients, test));
        var result = experiment.Run();

        Assert.Equal(3, result.MaliciousIdentities.Count);
        for (int round = 0; round < 2; round++)
        {
            for (int id = 0; id < 10; id++)
            {
                var trained = backend.TrainedOn[(round * 10) + id];
                bool poisoned = result.MaliciousIdentities.Contains(id);
                var expected = originals[id].Select(l => poisoned && l == 3 ? 9 : l).ToArray();
                Assert.Equal(expected, trained.Labels);
                Assert.Equal(poisoned, !ReferenceEquals(trained, clients[id]));
            }
        }

        Assert.All(Enumerable.Range(0, 10), id => Assert.Equal(originals[id], clients[id].Labels));
        Assert.Equal(testLabels, test.Labels);
    }
}
