using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// Moves what an attacker's process learns while its malicious clients train to the server's instance of the attack:
/// <list type="bullet">
/// <item>the state of an attack whose trigger adapts (<see cref="IAdaptiveBackdoorAttack"/> that is also
/// <see cref="ICrossRoundState"/>: A3FL, IBA), which replaces the server's: the attacker's node optimises the trigger
/// while it trains, and the server, which measures the attack success rate with its own instance, would otherwise
/// measure it with the initial trigger;</item>
/// <item>the findings of an attack whose attacker's side of the round needs them (<see cref="IReportsClientFindings"/>:
/// 3DFed's curvature), which are merged into the server's instance, whose own state (3DFed's indicators and tuning)
/// stays.</item>
/// </list>
/// The node sends these bytes with each malicious client's update of an active round (the findings of that client
/// alone), and the server takes them in before the attack stage and before it evaluates.
/// </summary>
public static class AttackStateTransfer
{
    /// <summary>The largest state taken from the network.</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>The attack's state (adaptive trigger) or <paramref name="client"/>'s findings, or null when it has neither.</summary>
    public static byte[]? Export(object? attack, int client) => attack switch
    {
        IAdaptiveBackdoorAttack and ICrossRoundState state => Write(state.WriteState),
        IReportsClientFindings findings => findings.WriteFindings(client),
        _ => null,
    };

    /// <summary>
    /// Takes <paramref name="bytes"/> into the attack (replaces its state, or merges its findings), all or nothing: bytes
    /// that do not read (too large, truncated, bytes left over, a vector that does not fit the attack) leave the attack
    /// as it was and the method returns what was wrong; null when they were taken.
    /// </summary>
    public static string? TryImport(object? attack, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (attack is not (IAdaptiveBackdoorAttack and ICrossRoundState) and not IReportsClientFindings)
        {
            return "this run's attack has no trigger that adapts and no client findings, so it takes no attack state";
        }

        if (bytes.Length > MaxBytes)
        {
            return $"its attack state has {bytes.Length} bytes, more than the {MaxBytes} allowed";
        }

        if (attack is IReportsClientFindings findings and not IAdaptiveBackdoorAttack)
        {
            // MergeFindings is all or nothing by its contract.
            return Catch(() => findings.MergeFindings(bytes));
        }

        var state = (ICrossRoundState)attack;
        var before = Write(state.WriteState);
        var problem = Catch(() => Read(state.ReadState, bytes));
        if (problem is not null)
        {
            Read(state.ReadState, before);
        }

        return problem;
    }

    private static string? Catch(Action read)
    {
        try
        {
            read();
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or FormatException or System.Runtime.InteropServices.ExternalException)
        {
            return $"its attack state does not read ({e.Message.TrimEnd('.')})";
        }
    }

    private static byte[] Write(Action<BinaryWriter> write)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return memory.ToArray();
    }

    private static void Read(Action<BinaryReader> read, byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        read(reader);
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (left != 0)
        {
            throw new InvalidDataException($"{left} bytes are left after the state");
        }
    }
}
