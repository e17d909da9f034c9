using FedSec.Attacks.Byzantine;
using FedSec.Core.Tests.TestSupport;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public sealed class AttackStateTransferTests
{
    private static byte[] State(long trigger, float copy, byte[]? tail = null)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory))
        {
            writer.Write(trigger);
            StateVectors.Write(writer, [copy]);
            writer.Write(tail ?? []);
        }

        return memory.ToArray();
    }

    [Fact]
    public void TryImport_ExportedState_TheOtherInstanceTakesTheTrigger()
    {
        var attacker = new FakeAdaptiveBackdoor(1);
        attacker.PoisonData(FakeBackend.Data(2, 3), new ClientContext { Round = 2, ClientId = 1, Seeds = new FedSec.Randomness.SeedStreams(1) });
        var server = new FakeAdaptiveBackdoor(1);

        Assert.Null(AttackStateTransfer.TryImport(server, AttackStateTransfer.Export(attacker, 1)!));

        Assert.Equal((7L, 7L), (attacker.Trigger, server.Trigger)); // 1 + (2 + 1)·(1 + 1)
    }

    [Theory]
    [InlineData("mismatch")]
    [InlineData("truncated")]
    [InlineData("trailing")]
    [InlineData("huge vector")]
    public void TryImport_StateThatDoesNotRead_SaysWhyAndLeavesTheAttackAsItWas(string kind)
    {
        var server = new FakeAdaptiveBackdoor(1);
        var good = State(5, 5);
        byte[] bad = kind switch
        {
            "mismatch" => State(5, 6),
            "truncated" => good[..^2],
            "trailing" => State(5, 5, [1, 2, 3]),
            _ => [.. BitConverter.GetBytes(5L), .. BitConverter.GetBytes(int.MaxValue)],
        };

        string? problem = AttackStateTransfer.TryImport(server, bad);

        Assert.NotNull(problem);
        Assert.StartsWith("its attack state does not read (", problem, StringComparison.Ordinal);
        Assert.Equal(1, server.Trigger);
    }

    [Fact]
    public void TryImport_AttackWithoutAdaptiveTrigger_Refused()
    {
        var byzantine = new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 });

        Assert.Equal("this run's attack has no trigger that adapts and no client findings, so it takes no attack state", AttackStateTransfer.TryImport(byzantine, State(5, 5)));
        Assert.Null(AttackStateTransfer.Export(byzantine, 0));
        Assert.Null(AttackStateTransfer.Export(null, 0));
    }

    [Fact]
    public void TryImport_LargerThanTheLimit_RefusedWithoutReading()
    {
        var server = new FakeAdaptiveBackdoor(1);

        Assert.Contains("more than the 67108864 allowed", AttackStateTransfer.TryImport(server, new byte[AttackStateTransfer.MaxBytes + 1]), StringComparison.Ordinal);
        Assert.Equal(1, server.Trigger);
    }
}
