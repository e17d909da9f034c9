using FedSec.Setup;
using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Components;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Defenses.Common;

public class FilteringDefensesInEngineTests
{
    private static ExperimentResult Run(string defense)
    {
        var config = new ExperimentConfig
        {
            ClientNumInTotal = 10,
            ClientNumPerRound = 10,
            CommRound = 3,
            RandomSeed = 2,
            EnableAttack = true,
            AttackType = "byzantine",
            EnableDefense = true,
            DefenseTypes = new[] { defense },
        };
        BuiltInComponents.CreateRegistry().TryGet(ComponentKind.Defense, defense, out var descriptor);
        var args = Fixtures.Args(new ExperimentShape(10, 10, 3), "defense_args");
        var instance = descriptor.Create(args);
        Assert.Empty(args.Problems);
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 });

        // Every client holds the same labels, so honest updates agree and the random model stands out.
        var data = new ExperimentData(Enumerable.Range(0, 10).Select(_ => FakeBackend.Data(10, 3)).ToArray(), FakeBackend.Data(5, 0), FakeBackend.Data(5, 3));
        return new Experiment(TestSetup.Of(config, attack, instance!), new FakeBackend(d: 50), data).Run();
    }

    [Theory]
    [InlineData("foolsgold")]
    [InlineData("3sigma")]
    [InlineData("anomaly_detection")]
    [InlineData("flame")]
    [InlineData("dnc")]
    [InlineData("signguard")]
    [InlineData("nnm")]
    [InlineData("bucketing")]
    [InlineData("arc")]
    [InlineData("fltrust")]
    public void Run_ByzantineRandomAttack_DefenseRunsEveryRoundWithAVerdictPerClient(string defense)
    {
        var result = Run(defense);
        Assert.All(result.FinalGlobal, v => Assert.True(float.IsFinite(v)));
        Assert.All(result.Rounds, r =>
        {
            var report = r.Defenses.First(d => d.Name == defense);
            Assert.Equal(10, report.Verdicts.Count);
            Assert.Equal(r.Sampled.Order(), report.Verdicts.Select(v => v.ClientId).Order());
        });
    }

    [Theory]
    [InlineData("3sigma")]
    [InlineData("anomaly_detection")]
    [InlineData("flame")]
    [InlineData("dnc")]
    [InlineData("signguard")]
    public void Run_ByzantineRandomAttack_DetectorsFlagTheAttackerEveryRound(string defense)
    {
        var detection = Run(defense).DetectionByDefense()[defense];
        Assert.Equal(3, detection.TruePositives);
        Assert.Equal(0, detection.FalseNegatives);
    }

    [Fact]
    public void Run_Flame_RunsBeforeAndAfterAggregation()
    {
        var result = Run("flame");
        Assert.All(result.Rounds, r => Assert.Equal(new[] { DefenseStage.Before, DefenseStage.After }, r.Defenses.Where(d => d.Name == "flame").Select(d => d.Stage)));
    }
}
