using FedSec.Data;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>Implements every stage and records the order in which the engine calls them.</summary>
internal sealed class RecordingComponent :
    IDataPoisoningAttack, IModelPoisoningAttack, IDataReconstructionAttack, IControlsClients,
    IBeforeAggregationDefense, IOnAggregationDefense, IAfterAggregationDefense
{
    private readonly List<string> _log;
    private readonly string _tag;

    public RecordingComponent(List<string> log, string tag = "")
    {
        _log = log;
        _tag = tag;
    }

    public MaliciousClientSpec MaliciousClients => new(1, new[] { 0 });

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        _log.Add($"poison_data{_tag}:{context.ClientId}");
        return data;
    }

    public IReadOnlyList<ReconstructionReport> ReconstructData(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _log.Add("reconstruct_data" + _tag);
        return Array.Empty<ReconstructionReport>();
    }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _log.Add("attack_model" + _tag);
        return updates;
    }

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _log.Add("defend_before_aggregation" + _tag);
        return DefenseOutcome.KeepAll(updates);
    }

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _log.Add("defend_on_aggregation" + _tag);
        return AggregationOutcome.Of(FedSec.Aggregation.WeightedMean.Of(updates));
    }

    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        _log.Add("defend_after_aggregation" + _tag);
        return global;
    }
}
