namespace FedSec.Stages;

/// <summary>
/// An attack that acts only in some of the rounds the schedule allows (model replacement's <c>attack_training_rounds</c>).
/// In its other rounds its clients behave honestly, and the engine records the round as not attacked: no malicious
/// clients, <c>attack_active</c> false. Detection counts and the backdoor's durability (ASR k rounds after the attacker
/// stops) then see the rounds in which it really acted.
/// </summary>
public interface IChoosesAttackRounds
{
    /// <summary>Whether the attack acts in <paramref name="round"/> (asked only for rounds the schedule allows).</summary>
    bool AttacksIn(int round);
}
