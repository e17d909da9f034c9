using FedSec.Configuration;
using FedSec.Data;
using FedSec.Torch.Models;

namespace FedSec.Torch.Triggers;

/// <summary>
/// What a trigger-optimising attack needs of the experiment: the model it attacks (<c>model_args.model</c>, built
/// from the same catalog as the backend's, so the flat layouts match), the data set's shape and normalisation
/// (<c>data_args.dataset</c>), the clients' mini-batch size and the experiment's seed.
/// </summary>
/// <param name="Model">The experiment's model.</param>
/// <param name="Data">The data set's shape, classes and normalisation.</param>
/// <param name="BatchSize">The clients' <c>batch_size</c>.</param>
/// <param name="Seed">The experiment's <c>random_seed</c>.</param>
internal sealed record TriggerModelSettings(ModelDescriptor Model, DatasetInfo Data, int BatchSize, long Seed)
{
    /// <summary>Reads the engine keys the attack depends on (their problems are the binder's to report).</summary>
    public static TriggerModelSettings Read(ModelCatalog models, ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(args);
        var engine = new ComponentArgs(args.Config, args.Section, args.Shape, new List<ConfigProblem>());
        string modelName = engine.Get(EngineParameters.Model);
        string datasetName = engine.Get(EngineParameters.Dataset);

        // Unknown model or data set names are the binder's to report; the attack then never runs.
        var model = models.Contains(modelName) ? models.Get(modelName) : models.Models[0];
        var data = DatasetCatalog.Info(DatasetCatalog.IsKnown(datasetName) ? datasetName : DatasetCatalog.Mnist);
        return new TriggerModelSettings(model, data, engine.Get(EngineParameters.BatchSize), engine.Get(EngineParameters.RandomSeed));
    }
}
