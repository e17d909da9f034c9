using FedSec.Attacks.Backdoor;
using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Attacks.Dba;

/// <summary>
/// The distributed backdoor attack (Xie, Huang, Chen and Li, "DBA: distributed backdoor attacks against federated
/// learning", ICLR 2020): the global trigger is split into local parts (<see cref="DbaTrigger"/>) and the k-th attacker
/// (by rank of its identity among the malicious ones) poisons its data with part k mod parts only, BadNets-style; the
/// attack succeeds when the aggregated model answers to the full trigger, which is what
/// <see cref="TriggeredTestSet"/> stamps.
/// </summary>
internal sealed class DbaAttack : IDataPoisoningAttack, IControlsClients, IBackdoorAttack
{
    private readonly DbaOptions _options;

    public DbaAttack(DbaOptions options)
    {
        _options = options;
        (Global, Parts) = DbaTrigger.Build(options.Parts, options.Size, options.BarHeight, options.Gap, options.Value, options.Position);
    }

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.TargetLabel;

    /// <summary>The full trigger.</summary>
    public BackdoorTrigger Global { get; }

    /// <summary>The local parts, in attacker order.</summary>
    public IReadOnlyList<BackdoorTrigger> Parts { get; }

    /// <summary>
    /// The part a client stamps: its rank among the malicious identities, modulo the number of parts (its identity
    /// stands in for the rank when the engine names no malicious set).
    /// </summary>
    public int PartOf(int clientId, IReadOnlySet<int> malicious)
    {
        int rank = malicious.Contains(clientId) ? malicious.Count(id => id < clientId) : clientId;
        return rank % Parts.Count;
    }

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        BackdoorChecks.Ensure(Global, _options.TargetLabel, data);
        var part = Parts[PartOf(context.ClientId, context.MaliciousClients)];
        BackdoorPoisoner.Poison(data, part, _options.PoisonFraction, _options.TargetLabel, context.Random("dba"));
        return data;
    }

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        BackdoorChecks.Ensure(Global, _options.TargetLabel, cleanTest);
        return BackdoorPoisoner.TriggeredTestSet(cleanTest, Global, _options.TargetLabel);
    }
}
