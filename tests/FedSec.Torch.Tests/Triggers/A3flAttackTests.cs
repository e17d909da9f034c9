using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Triggers.A3fl;

namespace FedSec.Torch.Tests.Triggers;

public sealed class A3flAttackTests : IDisposable
{
    private readonly OneTensorThread _threads = new();

    private static readonly A3flOptions Small = new()
    {
        Size = 3, Position = new TriggerPosition(TriggerAnchor.At, 0, 0), TargetLabel = 2, TriggerEpochs = 2, AdvModels = 1, AdvEpochs = 1, TriggerLr = 0.05,
    };

    private static ClientContext Client(int round, int id, float[]? global) =>
        new() { Round = round, ClientId = id, Seeds = new SeedStreams(7), GlobalModel = global };

    [Fact]
    public void PoisonData_TwoAttackersInOneRound_OneSearchSharedTriggerOnAQuarterOfEachSet()
    {
        using var backend = TriggerScenario.Backend();
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2));
        using var attack = new A3flAttack(Small with { PoisonFraction = 0.25 }, TriggerScenario.Settings());
        var initial = attack.Trigger;

        var first = attack.PoisonData(TriggerScenario.Bands(40, seed: 3), Client(0, 1, global));
        var afterFirst = attack.Trigger;
        var second = attack.PoisonData(TriggerScenario.Bands(40, seed: 4), Client(0, 5, global));

        Assert.Equal(1, attack.TriggerVersion);
        Assert.Same(afterFirst, attack.Trigger);
        Assert.NotEqual(initial.Pattern, afterFirst.Pattern);
        foreach (var (set, clean) in new[] { (first, TriggerScenario.Bands(40, seed: 3)), (second, TriggerScenario.Bands(40, seed: 4)) })
        {
            var changed = Enumerable.Range(0, 40).Where(i => !set.Image(i).SequenceEqual(clean.Image(i))).ToArray();
            Assert.Equal(10, changed.Length);
            Assert.All(changed, i => Assert.Equal(2, set.Labels[i]));
            Assert.All(changed, i => Assert.Equal(afterFirst.Pattern[0], set.Image(i)[0]));
        }

        attack.PoisonData(TriggerScenario.Bands(40, seed: 3), Client(1, 1, global));
        Assert.Equal(2, attack.TriggerVersion);
    }

    [Fact]
    public void PoisonData_NoGlobalModelGiven_NoSearchTheInitialTriggerIsStamped()
    {
        using var attack = new A3flAttack(Small, TriggerScenario.Settings());

        var set = attack.PoisonData(TriggerScenario.Bands(8, seed: 3), Client(0, 1, null));

        Assert.Equal(0, attack.TriggerVersion);
        Assert.Contains(Enumerable.Range(0, 8), i => set.Image(i)[0] == 0.5f && set.Labels[i] == 2);
    }

    [Fact]
    public void ReadState_IntoAFreshAttack_SameTriggeredTestSetAndANewVersion()
    {
        using var backend = TriggerScenario.Backend();
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2));
        using var attack = new A3flAttack(Small, TriggerScenario.Settings());
        attack.PoisonData(TriggerScenario.Bands(40, seed: 3), Client(0, 1, global));
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            attack.WriteState(writer);
        }

        using var fresh = new A3flAttack(Small, TriggerScenario.Settings());
        long before = fresh.TriggerVersion;
        var test = TriggerScenario.Bands(30, seed: 9);
        Assert.NotEqual(attack.TriggeredTestSet(test).Pixels, fresh.TriggeredTestSet(test).Pixels);
        state.Position = 0;
        fresh.ReadState(new BinaryReader(state));

        Assert.Equal(attack.TriggeredTestSet(test).Pixels, fresh.TriggeredTestSet(test).Pixels);
        Assert.NotEqual(before, fresh.TriggerVersion);
        Assert.DoesNotContain(fresh.TriggeredTestSet(test).Labels, l => l == 2);
    }

    [Fact]
    public void PoisonData_TargetBeyondTheClasses_ConfigExceptionNamesTargetLabel()
    {
        using var attack = new A3flAttack(Small with { TargetLabel = 4 }, TriggerScenario.Settings());

        var e = Assert.Throws<ConfigException>(() => attack.PoisonData(TriggerScenario.Bands(8, seed: 3), Client(0, 1, null)));

        Assert.Equal("attack_args.target_label", Assert.Single(e.Problems).Key);
    }

    public void Dispose() => _threads.Dispose();
}
