using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Chameleon;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.Chameleon;

public class ChameleonAttackTests
{
    private static readonly ExperimentShape Shape = new(10, 10, 5);

    [Fact]
    public void Read_NoKeys_TheAuthorsCifar10PixelPatternDefaults()
    {
        var args = Fixtures.Args(Shape, "attack_args");
        var o = ChameleonOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(1, o.ClientNum);
        Assert.Equal(7.0 / 64, o.Backdoor.PoisonFraction);
        Assert.Equal(0, o.Backdoor.TargetLabel);
        Assert.Equal(4, o.Backdoor.Size);
        var s = o.Settings();
        Assert.Equal((10, 0.005, 3, 0.001, 0.07, 6.0, 5.0), (s.ContrastiveEpochs, s.ContrastiveLearningRate, s.HeadEpochs, s.HeadLearningRate, s.Temperature, s.FacilitatorWeight, s.ProjectionNorm));
        Assert.Equal((0.9, 0.0005), (s.Momentum, s.WeightDecay));
        Assert.Equal([3, 5, 7, 9], s.ContrastiveMilestones);
        Assert.Equal([3, 5], s.HeadMilestones);
        Assert.Equal((0.1, 0.005), (s.ContrastiveGamma, s.HeadGamma));
        Assert.Empty(s.Problems());
    }

    [Fact]
    public void Read_EveryKey_ReachesTheSettings()
    {
        var args = Fixtures.Args(
            Shape,
            "attack_args",
            ("target_label", (object?)"3"),
            ("poison_fraction", "0.5"),
            ("chameleon_contrastive_epochs", "4"),
            ("chameleon_contrastive_lr", "0.02"),
            ("chameleon_head_epochs", "2"),
            ("chameleon_head_lr", "0.03"),
            ("chameleon_contrastive_lr_gamma", "0.005"),
            ("chameleon_head_lr_gamma", "0.5"),
            ("chameleon_temperature", "0.5"),
            ("chameleon_facilitator_weight", "2"),
            ("chameleon_projection_norm", "0"));
        var o = ChameleonOptions.Read(args);
        Assert.Empty(args.Problems);
        var s = o.Settings();
        Assert.Equal(0.5, o.Backdoor.PoisonFraction);
        Assert.Equal((3, 4, 0.02, 2, 0.03, 0.5, 2.0, 0.0), (s.FacilitatorLabel, s.ContrastiveEpochs, s.ContrastiveLearningRate, s.HeadEpochs, s.HeadLearningRate, s.Temperature, s.FacilitatorWeight, s.ProjectionNorm));
        Assert.Equal((0.005, 0.5), (s.ContrastiveGamma, s.HeadGamma));
    }

    [Theory]
    [InlineData("chameleon_temperature", "0")]
    [InlineData("chameleon_contrastive_lr", "-1")]
    [InlineData("chameleon_head_lr", "0")]
    [InlineData("chameleon_contrastive_lr_gamma", "0")]
    [InlineData("chameleon_head_lr_gamma", "1.5")]
    [InlineData("chameleon_facilitator_weight", "-0.5")]
    [InlineData("chameleon_projection_norm", "-1")]
    [InlineData("chameleon_contrastive_epochs", "0")]
    [InlineData("chameleon_head_epochs", "0")]
    [InlineData("poison_fraction", "0")]
    [InlineData("poison_fraction", "1.5")]
    public void Read_BadValue_OneProblemNamingTheKey(string key, string value)
    {
        var args = Fixtures.Args(Shape, "attack_args", (key, (object?)value));
        ChameleonOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args." + key, problem.Key);
    }

    [Fact]
    public void PoisonData_StampsAndRelabelsTheSamplesTheBackdoorWouldAtTheSameFraction()
    {
        var backdoorOptions = new BackdoorOptions { TargetLabel = 9, PoisonFraction = 7.0 / 64 };
        var chameleon = new ChameleonAttack(new ChameleonOptions { Backdoor = backdoorOptions });
        var badNets = new BackdoorAttack(backdoorOptions);
        var data = AttackFixtures.Images(64);
        var poisoned = chameleon.PoisonData(data.Clone(), AttackFixtures.Client(2, round: 1));
        var reference = badNets.PoisonData(data.Clone(), AttackFixtures.Client(2, round: 1));

        Assert.Equal(7, Enumerable.Range(0, 64).Count(i => poisoned.Labels[i] != data.Labels[i] || !poisoned.Image(i).SequenceEqual(data.Image(i))));
        Assert.Equal(reference.Labels, poisoned.Labels);
        Assert.Equal(reference.Pixels, poisoned.Pixels);
    }

    [Fact]
    public void ObjectiveFor_TheContrastiveKindOnThePoisonedSet_WithTheTargetAsFacilitatorLabel()
    {
        var attack = new ChameleonAttack(new ChameleonOptions { Backdoor = new() { TargetLabel = 4 }, Temperature = 0.2 });
        var data = AttackFixtures.Images(12);
        var objective = attack.ObjectiveFor(data, AttackFixtures.Client(0));
        Assert.NotNull(objective);
        Assert.Equal(AdversarialTrainingKind.ContrastiveBackdoor, objective.Kind);
        Assert.Same(data, objective.Malicious);
        Assert.Equal(4, objective.Contrastive!.FacilitatorLabel);
        Assert.Equal(0.2, objective.Contrastive.Temperature);
        Assert.Empty(objective.Problems());
        Assert.Null(attack.ObjectiveFor(AttackFixtures.Images(0), AttackFixtures.Client(0)));
    }

    [Fact]
    public void TriggeredTestSet_OtherClassesStampedWithTheirTrueLabels()
    {
        var attack = new ChameleonAttack(new ChameleonOptions { Backdoor = new() { TargetLabel = 1, Size = 2 } });
        var test = AttackFixtures.Images(20);
        var triggered = attack.TriggeredTestSet(test);
        Assert.Equal(18, triggered.Count);
        Assert.DoesNotContain(1, triggered.Labels);
        Assert.All(Enumerable.Range(0, triggered.Count), i => Assert.Equal(1f, triggered.Image(i)[^1]));
    }

    [Fact]
    public void PoisonData_TargetBeyondTheClasses_NamesTargetLabel()
    {
        var attack = new ChameleonAttack(new ChameleonOptions { Backdoor = new() { TargetLabel = 12 } });
        var e = Assert.Throws<ConfigException>(() => attack.PoisonData(AttackFixtures.Images(10), AttackFixtures.Client(0)));
        Assert.Contains("target_label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduledRate_MultiStepLrSteppedAtEachEpochStart_HandComputed()
    {
        int[] milestones = [3, 5, 7, 9];
        Assert.Equal(0.05, ContrastiveBackdoorSettings.ScheduledRate(0.05, milestones, 0.005, 1), 15);
        Assert.Equal(0.05, ContrastiveBackdoorSettings.ScheduledRate(0.05, milestones, 0.005, 2), 15);
        Assert.Equal(0.05 * 0.005, ContrastiveBackdoorSettings.ScheduledRate(0.05, milestones, 0.005, 3), 15);
        Assert.Equal(0.05 * 0.005, ContrastiveBackdoorSettings.ScheduledRate(0.05, milestones, 0.005, 4), 15);
        Assert.Equal(0.05 * 0.005 * 0.005, ContrastiveBackdoorSettings.ScheduledRate(0.05, milestones, 0.005, 5), 15);
        Assert.Equal(0.1, ContrastiveBackdoorSettings.ScheduledRate(0.1, [], 0.5, 7), 15);
    }

    [Fact]
    public void Problems_BadSettingsAndMissingSettings_NameTheProperty()
    {
        Assert.Contains(new ContrastiveBackdoorSettings { FacilitatorLabel = 0, Temperature = 0 }.Problems(), p => p.StartsWith("Temperature", StringComparison.Ordinal));
        Assert.Contains(new ContrastiveBackdoorSettings { FacilitatorLabel = 0, ProjectionNorm = double.NaN }.Problems(), p => p.StartsWith("ProjectionNorm", StringComparison.Ordinal));
        Assert.Contains(new ContrastiveBackdoorSettings { FacilitatorLabel = 0, Momentum = 1 }.Problems(), p => p.StartsWith("Momentum", StringComparison.Ordinal));
        var missing = new AdversarialObjective { Kind = AdversarialTrainingKind.ContrastiveBackdoor, Malicious = AttackFixtures.Images(2) };
        Assert.Contains(missing.Problems(), p => p.StartsWith("Contrastive is null", StringComparison.Ordinal));
        var bad = missing with { Contrastive = new ContrastiveBackdoorSettings { FacilitatorLabel = 0, HeadLearningRate = -1 } };
        Assert.Contains(bad.Problems(), p => p.StartsWith("Contrastive.HeadLearningRate", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_Example_CreatesTheAttackWithoutProblemsOrWarnings()
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "attacks", "chameleon.yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Empty(setup.Warnings);
        Assert.Equal("chameleon", setup.Config.AttackType);
        Assert.IsAssignableFrom<IShapesLocalObjective>(setup.Attack!.Instance);
        Assert.IsAssignableFrom<ITrainsEncoderAndHead>(setup.Attack.Instance);
        Assert.IsAssignableFrom<IBackdoorAttack>(setup.Attack.Instance);
    }
}
