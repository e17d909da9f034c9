using FedSec.Attacks.AlterMin;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.AlterMin;

public class AlterMinAttackTests
{
    [Fact]
    public void Select_HandComputed_FirstSamplesOutsideTheTargetClass()
    {
        var test = AttackFixtures.Images(8, classes: 4); // labels 0 1 2 3 0 1 2 3
        Assert.Equal([0, 1, 3], AlterMinTargets.Select(test, targetLabel: 2, count: 3));
    }

    [Fact]
    public void Select_TooFewSamples_NamesTheKey()
    {
        var test = AttackFixtures.Images(4, classes: 2);
        var e = Assert.Throws<ConfigException>(() => AlterMinTargets.Select(test, 0, 3));
        Assert.Contains("alter_min_targets", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_TargetClassMissing_NamesTheKey()
    {
        var e = Assert.Throws<ConfigException>(() => AlterMinTargets.Select(AttackFixtures.Images(4, classes: 3), 5, 1));
        Assert.Contains("target_label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectiveFor_AfterTheTestSet_TargetsRelabelledAndThePapersSettings()
    {
        var attack = new AlterMinAttack(new AlterMinOptions { TargetLabel = 7, Targets = 2 });
        var triggered = attack.TriggeredTestSet(AttackFixtures.Images(10));
        Assert.Equal([0, 1], triggered.Labels); // true labels kept for the metric

        var objective = attack.ObjectiveFor(AttackFixtures.Images(3), AttackFixtures.Client(0));
        Assert.Equal(AdversarialTrainingKind.AlternatingMinimization, objective.Kind);
        Assert.Equal([7, 7], objective.Malicious.Labels);
        Assert.Equal(triggered.Pixels, objective.Malicious.Pixels);
        Assert.Equal((10.0, 1e-4, 1, 5), (objective.Boost, objective.Rho, objective.BenignStepsPerMaliciousStep, objective.Epochs));
        Assert.Equal(((ClientOptimizer?)null, (double?)null), (objective.Optimizer, objective.LearningRate)); // the configured optimizer, as every client
        Assert.Empty(objective.Problems());
    }

    [Fact]
    public void ObjectiveFor_OwnOptimizer_TheObjectiveCarriesItAndItsLearningRate()
    {
        var attack = new AlterMinAttack(new AlterMinOptions { Optimizer = ClientOptimizer.Adam, LearningRate = 1e-3 });
        attack.TriggeredTestSet(AttackFixtures.Images(10));

        var objective = attack.ObjectiveFor(AttackFixtures.Images(3), AttackFixtures.Client(0));

        Assert.Equal(((ClientOptimizer?)ClientOptimizer.Adam, (double?)1e-3), (objective.Optimizer, objective.LearningRate));
    }

    [Fact]
    public void Read_OptimizerAndLearningRate_AsWritten()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("alter_min_optimizer", (object?)"adam"), ("alter_min_learning_rate", (object?)"0.001"));

        var options = AlterMinOptions.Read(args);

        Assert.Empty(args.Problems);
        Assert.Equal(((ClientOptimizer?)ClientOptimizer.Adam, (double?)0.001), (options.Optimizer, options.LearningRate));
    }

    [Fact]
    public void ObjectiveFor_Boosting_IsExplicitBoosting()
    {
        var attack = new AlterMinAttack(new AlterMinOptions { Strategy = AlterMinStrategy.Boosting });
        attack.TriggeredTestSet(AttackFixtures.Images(10));
        Assert.Equal(AdversarialTrainingKind.ExplicitBoosting, attack.ObjectiveFor(AttackFixtures.Images(3), AttackFixtures.Client(0)).Kind);
    }

    [Fact]
    public void ObjectiveFor_BeforeTheTestSet_SaysWhy()
    {
        var attack = new AlterMinAttack(new AlterMinOptions());
        var e = Assert.Throws<InvalidOperationException>(() => attack.ObjectiveFor(AttackFixtures.Images(3), AttackFixtures.Client(0)));
        Assert.Contains("test set", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alter_min_boost", "0.5")]
    [InlineData("alter_min_rho", "-1")]
    [InlineData("alter_min_local_steps", "0")]
    [InlineData("alter_min_epochs", "0")]
    [InlineData("alter_min_targets", "0")]
    [InlineData("alter_min_optimizer", "rmsprop")]
    [InlineData("alter_min_learning_rate", "0")]
    public void Read_BadValue_IsRejectedNamingTheKey(string key, string value)
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", (key, (object?)value));
        AlterMinOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.EndsWith(key, problem.Key, StringComparison.Ordinal);
        Assert.Contains(value, problem.ToString(), StringComparison.Ordinal);
    }
}
