namespace FedSec.Stages;

/// <summary>
/// A component (or server optimizer) that carries state from round to round (FoolsGold's per-client histories,
/// centered clipping's previous aggregate, server momentum): it can write that state and read it back, so that a
/// distributed server restarted from its checkpoint continues exactly as if it had never stopped. A plugin component
/// with cross-round state implements it too; one that does not would restart from its initial state.
/// </summary>
public interface ICrossRoundState
{
    /// <summary>Writes the state (whatever <see cref="ReadState"/> needs to restore it).</summary>
    void WriteState(BinaryWriter writer);

    /// <summary>Replaces the state with what <see cref="WriteState"/> wrote.</summary>
    void ReadState(BinaryReader reader);
}
