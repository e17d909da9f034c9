using FedSec.Attacks.Backdoor;
using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Attacks.Chameleon;

/// <summary>
/// Chameleon (Dai and Li, "Chameleon: Adapting to Peer Images for Planting Durable Backdoors in Federated Learning",
/// ICML 2023), after the authors' code (<c>training.py</c>, <c>utils/losses.py</c>). Each malicious client stamps the
/// BadNets trigger on a seeded <c>poison_fraction</c> of its samples and relabels them to <c>target_label</c>
/// (<see cref="IDataPoisoningAttack"/>), then trains in two stages on that poisoned set
/// (<see cref="IShapesLocalObjective"/>, <see cref="AdversarialTrainingKind.ContrastiveBackdoor"/>): the encoder with a
/// supervised-contrastive loss on its L2-normalised penultimate features, so that the poisoned samples (labelled the
/// target) move towards the target class's benign samples (the facilitators) and away from their own class's (the
/// interferers, their negatives); then, encoder frozen, the classifier head with cross-entropy. Success is measured on
/// triggered test images of the other classes, as for the backdoor.
/// </summary>
internal sealed class ChameleonAttack : IDataPoisoningAttack, IShapesLocalObjective, IControlsClients, IBackdoorAttack, ITrainsEncoderAndHead
{
    private readonly ChameleonOptions _options;
    private readonly BackdoorTrigger _trigger;
    private readonly ContrastiveBackdoorSettings _settings;

    public ChameleonAttack(ChameleonOptions options)
    {
        _options = options;
        _trigger = options.Backdoor.Trigger();
        _settings = options.Settings();
    }

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.Backdoor.TargetLabel;

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        BackdoorChecks.Ensure(_trigger, TargetLabel, data);
        BackdoorPoisoner.Poison(data, _trigger, _options.Backdoor.PoisonFraction, TargetLabel, context.Random("backdoor"));
        return data;
    }

    /// <summary>The two-stage objective on the client's poisoned set; null (nothing to train) when it has no samples.</summary>
    public AdversarialObjective? ObjectiveFor(IClientDataset data, ClientContext context)
    {
        var images = data as ImageSet ?? throw new InvalidOperationException($"chameleon trains on images, not {data?.Kind.ToString() ?? "null"}.");
        if (images.Count == 0)
        {
            return null;
        }

        return new AdversarialObjective
        {
            Kind = AdversarialTrainingKind.ContrastiveBackdoor,
            Malicious = images,
            Contrastive = _settings,
        };
    }

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        BackdoorChecks.Ensure(_trigger, TargetLabel, cleanTest);
        return BackdoorPoisoner.TriggeredTestSet(cleanTest, _trigger, TargetLabel);
    }
}
