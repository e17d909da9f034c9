namespace FedSec.Defenses.FoolsGold;

/// <summary>Which part of each update FoolsGold accumulates and compares.</summary>
public enum FoolsGoldFeature
{
    /// <summary>Every trainable parameter (FedSec's default).</summary>
    All,

    /// <summary>
    /// The output layer's weights: the last trainable tensor of two or more dimensions (FedML's choice, its
    /// second-to-last state entry). Far less memory per client identity.
    /// </summary>
    LastLayer,
}
