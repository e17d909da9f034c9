namespace FedSec.Stages;

/// <summary>
/// An attack whose malicious clients train the model's encoder (up to its penultimate layer) apart from its
/// classifier head (Chameleon). The model backend must split the model there; binding a configuration whose model does
/// not is an error naming <c>model_args.model</c> and the models that do.
/// </summary>
public interface ITrainsEncoderAndHead : IAttack
{
}
