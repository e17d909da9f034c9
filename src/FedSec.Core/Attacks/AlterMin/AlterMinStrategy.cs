namespace FedSec.Attacks.AlterMin;

/// <summary>How the AlterMin attacker trains (<c>alter_min_strategy</c>).</summary>
public enum AlterMinStrategy
{
    /// <summary>Alternating minimisation of the stealth and the boosted malicious objectives (the paper's attack).</summary>
    Alternating,

    /// <summary>Explicit boosting alone: the malicious objective only, the delta boosted (the paper's first attack).</summary>
    Boosting,
}
