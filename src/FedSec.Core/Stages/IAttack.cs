namespace FedSec.Stages;

/// <summary>
/// An attack: it implements one or more of <see cref="IDataPoisoningAttack"/>, <see cref="IModelPoisoningAttack"/>,
/// <see cref="IDataReconstructionAttack"/> and <see cref="IConstrainsLocalTraining"/>.
/// </summary>
public interface IAttack : IComponent
{
}
