using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// Moves the state of an attack whose trigger adapts (<see cref="IAdaptiveBackdoorAttack"/> that is also
/// <see cref="ICrossRoundState"/>: A3FL, IBA) from the attacker's process to the server. In a distributed run the
/// attacker's node optimises the trigger while it trains; the server, which measures the attack success rate with its
/// own instance of the attack, would otherwise measure it with the initial trigger. The node sends the attack's state
/// with each malicious client's update of an active round, and the server takes it in before it evaluates.
/// </summary>
public static class AttackStateTransfer
{
    /// <summary>The largest state taken from the network.</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>The attack's state, or null when it has no adaptive trigger.</summary>
    public static byte[]? Export(object? attack) => attack is IAdaptiveBackdoorAttack and ICrossRoundState state ? Write(state) : null;

    /// <summary>
    /// Replaces the attack's state with <paramref name="bytes"/>, all or nothing: a state that does not read (too large,
    /// truncated, bytes left over, a vector that does not fit the attack) leaves the attack as it was and returns what
    /// was wrong; null when it was taken.
    /// </summary>
    public static string? TryImport(object? attack, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (attack is not (IAdaptiveBackdoorAttack and ICrossRoundState state))
        {
            return "this run's attack has no trigger that adapts, so it takes no attack state";
        }

        if (bytes.Length > MaxBytes)
        {
            return $"its attack state has {bytes.Length} bytes, more than the {MaxBytes} allowed";
        }

        var before = Write(state);
        try
        {
            Read(state, bytes);
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or FormatException or System.Runtime.InteropServices.ExternalException)
        {
            Read(state, before);
            return $"its attack state does not read ({e.Message.TrimEnd('.')})";
        }
    }

    private static byte[] Write(ICrossRoundState state)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            state.WriteState(writer);
        }

        return memory.ToArray();
    }

    private static void Read(ICrossRoundState state, byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        state.ReadState(reader);
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (left != 0)
        {
            throw new InvalidDataException($"{left} bytes are left after the state");
        }
    }
}
