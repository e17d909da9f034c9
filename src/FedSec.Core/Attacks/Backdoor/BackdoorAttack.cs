using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Attacks.Backdoor;

/// <summary>
/// The pixel-pattern backdoor (Gu, Dolan-Gavitt and Garg, "BadNets: identifying vulnerabilities in the machine
/// learning model supply chain", 2017; in federated learning, Bagdasaryan et al., AISTATS 2020): each malicious client
/// stamps the trigger on a seeded <c>poison_fraction</c> of its own training samples and relabels them to
/// <c>target_label</c>, then trains normally. Success is measured on test images of other classes carrying the trigger.
/// </summary>
internal sealed class BackdoorAttack : IDataPoisoningAttack, IControlsClients, IBackdoorAttack
{
    private readonly BackdoorOptions _options;
    private readonly BackdoorTrigger _trigger;

    public BackdoorAttack(BackdoorOptions options)
    {
        _options = options;
        _trigger = options.Trigger();
    }

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.TargetLabel;

    /// <summary>The trigger stamped on training and test images.</summary>
    public BackdoorTrigger Trigger => _trigger;

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        BackdoorChecks.Ensure(_trigger, _options.TargetLabel, data);
        BackdoorPoisoner.Poison(data, _trigger, _options.PoisonFraction, _options.TargetLabel, context.Random("backdoor"));
        return data;
    }

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        BackdoorChecks.Ensure(_trigger, _options.TargetLabel, cleanTest);
        return BackdoorPoisoner.TriggeredTestSet(cleanTest, _trigger, _options.TargetLabel);
    }
}
