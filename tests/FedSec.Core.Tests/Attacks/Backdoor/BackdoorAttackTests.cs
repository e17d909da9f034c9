using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Core.Tests.Attacks.Backdoor;

public class BackdoorAttackTests
{
    private static readonly HashSet<int> TriggerOffsets = new() { 28, 29, 34, 35 }; // rows 4–5, columns 4–5 of 6×6

    private static BackdoorAttack Attack(double fraction = 0.25, int target = 7) => new(new BackdoorOptions
    {
        Size = 2,
        Position = new TriggerPosition(TriggerAnchor.BottomRight),
        PoisonFraction = fraction,
        TargetLabel = target,
    });

    private static int[] Changed(ImageSet before, ImageSet after) =>
        Enumerable.Range(0, before.Count).Where(i => !before.Image(i).SequenceEqual(after.Image(i)) || before.Labels[i] != after.Labels[i]).ToArray();

    [Fact]
    public void PoisonData_QuarterOfTwenty_FiveSamplesStampedAndRelabelledOthersUntouched()
    {
        var data = AttackFixtures.Images(20);
        var before = data.Clone();
        Attack().PoisonData(data, AttackFixtures.Client(3));
        var changed = Changed(before, data);
        Assert.Equal(5, changed.Length);
        foreach (var i in Enumerable.Range(0, 20))
        {
            var image = data.Image(i);
            var original = before.Image(i);
            bool poisoned = changed.Contains(i);
            Assert.Equal(poisoned ? 7 : before.Labels[i], data.Labels[i]);
            for (int p = 0; p < image.Length; p++)
            {
                Assert.Equal(poisoned && TriggerOffsets.Contains(p) ? 1f : original[p], image[p]);
            }
        }
    }

    [Fact]
    public void PoisonData_SameSeedRoundClient_SameChoice()
    {
        var a = AttackFixtures.Images(40);
        var b = AttackFixtures.Images(40);
        var c = AttackFixtures.Images(40);
        var clean = AttackFixtures.Images(40);
        Attack().PoisonData(a, AttackFixtures.Client(2, round: 1));
        Attack().PoisonData(b, AttackFixtures.Client(2, round: 1));
        Attack().PoisonData(c, AttackFixtures.Client(2, round: 2));
        Assert.Equal(Changed(clean, a), Changed(clean, b));
        Assert.NotEqual(Changed(clean, a), Changed(clean, c));
    }

    [Fact]
    public void TriggeredTestSet_CleanTest_DropsTargetClassStampsRestKeepsTrueLabels()
    {
        var test = AttackFixtures.Images(30);
        var before = test.Clone();
        var triggered = Attack(target: 7).TriggeredTestSet(test);

        Assert.Equal(27, triggered.Count);
        Assert.DoesNotContain(7, triggered.Labels);
        Assert.Equal(before.Labels.Where(l => l != 7), triggered.Labels);
        for (int i = 0; i < triggered.Count; i++)
        {
            var image = triggered.Image(i).ToArray();
            Assert.All(TriggerOffsets, p => Assert.Equal(1f, image[p]));
        }

        Assert.Equal(before.Pixels, test.Pixels);
        Assert.Equal(before.Labels, test.Labels);
    }

    [Fact]
    public void PoisonData_TargetBeyondClasses_ConfigErrorNamesTargetLabel()
    {
        var ex = Assert.Throws<ConfigException>(() => Attack(target: 10).PoisonData(AttackFixtures.Images(10), AttackFixtures.Client(0)));
        Assert.Equal("attack_args.target_label", Assert.Single(ex.Problems).Key);
    }

    [Fact]
    public void PoisonData_TriggerLargerThanImage_ConfigErrorNamesTriggerSize()
    {
        var attack = new BackdoorAttack(new BackdoorOptions { Size = 7 });
        var ex = Assert.Throws<ConfigException>(() => attack.PoisonData(AttackFixtures.Images(10), AttackFixtures.Client(0)));
        Assert.Equal("attack_args.trigger_size", Assert.Single(ex.Problems).Key);
    }
}
