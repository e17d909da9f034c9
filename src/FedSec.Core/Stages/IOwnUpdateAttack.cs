namespace FedSec.Stages;

/// <summary>
/// A model-poisoning attack that forges each malicious update from that update alone (with the global model, the
/// layout and the client's own seeded streams), never from other clients' updates or their number: Byzantine, sign
/// flipping, Gaussian noise. A real attacker can run it in its own process and send the forged update; a distributed
/// run may do so (<c>fedsec server --own-update-attacks client</c>), giving the same numbers as the server running it.
/// Attacks that need every update of the round (ALIE, IPM, Min-Max, Fang, ...) must not implement it.
/// </summary>
public interface IOwnUpdateAttack : IModelPoisoningAttack
{
}
