using FedSec.Data;

namespace FedSec.Stages;

/// <summary>
/// A backdoor attack (BadNets, DBA, model replacement): the engine detects it to measure the attack success rate (ASR)
/// next to clean accuracy, as the share of <see cref="TriggeredTestSet"/> classified as <see cref="TargetLabel"/>.
/// </summary>
public interface IBackdoorAttack
{
    /// <summary>The class the trigger should make the model predict.</summary>
    int TargetLabel { get; }

    /// <summary>
    /// A new set holding the images of <paramref name="cleanTest"/> whose true class is not <see cref="TargetLabel"/>,
    /// each stamped with the attack's full trigger, with their true labels kept. The ASR is the share of it predicted
    /// as <see cref="TargetLabel"/> (e.g. <c>Evaluation.PredictedShare(TargetLabel)</c>); <paramref name="cleanTest"/>
    /// is left untouched.
    /// </summary>
    ImageSet TriggeredTestSet(ImageSet cleanTest);
}
