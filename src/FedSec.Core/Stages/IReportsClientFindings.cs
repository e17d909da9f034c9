namespace FedSec.Stages;

/// <summary>
/// An attack whose malicious clients find, while they train, something the attacker's side of the round needs (3DFed:
/// the curvature of the loss on the attacker's data at the global model). In a simulation one instance plays both
/// sides. In a distributed run the attacker's node writes each malicious client's findings with that client's update,
/// and the server merges them into its own instance before the attack stage
/// (<see cref="Simulation.AttackStateTransfer"/>); the rest of the attack's state stays the server's.
/// </summary>
public interface IReportsClientFindings : IAttack
{
    /// <summary>
    /// What <paramref name="client"/> found in this instance's latest round (nothing, when it found nothing), as bytes:
    /// only that client's, so that a node hosting many attackers does not send every one's findings with each update.
    /// </summary>
    byte[] WriteFindings(int client);

    /// <summary>
    /// Reads findings <see cref="WriteFindings"/> wrote (in another process) and adds them to this instance's: a client's
    /// findings replace its earlier ones of the same round, and findings of a later round replace all of an earlier one.
    /// All or nothing: bytes that do not read, entirely, leave the instance as it was.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes do not read as this attack's findings.</exception>
    void MergeFindings(byte[] bytes);
}
