using FedSec.Configuration;
using FedSec.Data;
using FedSec.Components;
using FedSec.Torch.Models;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// Registers the data-reconstruction attacks <c>dlg</c> and <c>idlg</c>. They invert gradients of the experiment's own
/// model (<c>model_args.model</c>, looked up in a <see cref="ModelCatalog"/>) on images of its data set
/// (<c>data_args.dataset</c>), and turn local models into gradients with <c>train_args</c>' learning rate, batch size,
/// epochs and weight decay.
/// </summary>
public static class GradientInversionRegistration
{
    /// <summary>The descriptor of <c>attack_type: dlg</c>, building models from <paramref name="models"/>.</summary>
    public static ComponentDescriptor Dlg(ModelCatalog models) => Descriptor(
        ReconstructionMethod.Dlg,
        models,
        "dlg",
        "Deep Leakage from Gradients (Zhu et al. 2019): L-BFGS on a dummy image and soft label until their gradient matches a client's.");

    /// <summary>The descriptor of <c>attack_type: idlg</c>, building models from <paramref name="models"/>.</summary>
    public static ComponentDescriptor Idlg(ModelCatalog models) => Descriptor(
        ReconstructionMethod.Idlg,
        models,
        "idlg",
        "iDLG (Zhao et al. 2020): the label from the sign of the last layer's gradient, then DLG on the image only.");

    private static ComponentDescriptor Descriptor(ReconstructionMethod method, ModelCatalog models, string name, string summary)
    {
        ArgumentNullException.ThrowIfNull(models);
        return ComponentDescriptor.Attack(name, summary, GradientInversionOptions.Keys, GradientInversionOptions.Read, (options, args) => Create(method, models, options, args));
    }

    private static GradientInversionAttack Create(ReconstructionMethod method, ModelCatalog models, GradientInversionOptions options, ComponentArgs args)
    {

        // The engine's own keys are validated (and their problems reported) by the binder; reading them through a
        // private problem list keeps each problem reported once.
        var engine = new ComponentArgs(args.Config, args.Section, args.Shape, new List<ConfigProblem>());
        string modelName = engine.Get(EngineParameters.Model);
        string datasetName = engine.Get(EngineParameters.Dataset);
        var training = new LocalStepSettings(
            engine.Get(EngineParameters.LearningRate),
            engine.Get(EngineParameters.BatchSize),
            engine.Get(EngineParameters.Epochs),
            engine.Get(EngineParameters.WeightDecay),
            engine.Get(EngineParameters.FederatedOptimizer) == FederatedOptimizer.FedSgd ? 1 : 0);
        if (engine.Get(EngineParameters.ClientOptimizer) != ClientOptimizer.Sgd)
        {
            args.Report(
                args.QualifiedKey(EngineParameters.ClientOptimizer.Key),
                $"{method.ToString().ToLowerInvariant()} recovers the clients' gradients from SGD steps (g = (G − w) / (η·steps)); set client_optimizer: sgd.");
        }

        // Unknown model or data set names are the binder's to report; the attack then is never run.
        var model = models.Contains(modelName) ? models.Get(modelName) : models.Models[0];
        var data = DatasetCatalog.Info(DatasetCatalog.IsKnown(datasetName) ? datasetName : DatasetCatalog.Mnist);
        return new GradientInversionAttack(method, options, model, data, training);
    }
}
