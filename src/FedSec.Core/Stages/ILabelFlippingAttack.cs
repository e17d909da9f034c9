namespace FedSec.Stages;

/// <summary>
/// A label-flipping attack (Tolpegin et al., ESORICS 2020): the engine detects it to report, for each
/// <see cref="LabelFlip"/>, the test recall of the source class and the share of source samples predicted as the target.
/// </summary>
public interface ILabelFlippingAttack
{
    /// <summary>The source → target relabellings, in configured order.</summary>
    IReadOnlyList<LabelFlip> Flips { get; }
}
