namespace FedSec.Stages;

/// <summary>
/// An attack whose attacker side decides at the start of a round, before any client trains, what some of its malicious
/// clients train this round, and tells each of them through <see cref="ClientContext.Directive"/> (3DFed: which of them
/// train a decoy model instead of sending their backdoor model). The server's instance decides (<see cref="Direct"/>);
/// the clients' instances read the directive. In a simulation one instance plays both sides; in a distributed run the
/// directives travel in each node's task, for that node's clients only.
/// </summary>
public interface IDirectsClients : IAttack
{
    /// <summary>
    /// This round's directives, by malicious client (a client without one trains as the attack always has it train).
    /// Called once per round in which the attack acts through at least one client, before the clients train; called again
    /// for the same round (a resumed or replanned round) it returns the same directives. What it decides takes effect in
    /// the attack's state only when the attack's model-poisoning stage runs in that round.
    /// </summary>
    IReadOnlyDictionary<int, int> Direct(RoundStart start);
}
