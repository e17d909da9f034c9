using FedSec.Configuration;
using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Attacks.EdgeCase;

/// <summary>
/// The edge-case backdoor with PGD (Wang, Sreenivasan, Rajput, Vishwakarma, Agarwal, Sohn, Lee and Papailiopoulos,
/// "Attack of the Tails: Yes, You Really Can Backdoor Federated Learning", NeurIPS 2020). The backdoor targets inputs
/// from the tail of the distribution, which the benign clients rarely hold, so their updates hardly undo it: each
/// malicious client relabels its own edge cases (<see cref="EdgeCaseTail"/>: the images of the source class farthest
/// from that class's mean) to the target class, keeps the rest of its data clean, and trains with its model projected
/// into the L2 ball of radius ε around the global model (<see cref="PgdBallConstraint"/>). The paper takes the edge
/// cases from another data set (ARDIS sevens for EMNIST); here they come from the attacker's own data. Success is
/// measured on the test set's edge cases of the source class (same rule), as the share classified as the target.
/// </summary>
internal sealed class EdgeCaseAttack : IDataPoisoningAttack, IConstrainsLocalTraining, IControlsClients, IBackdoorAttack
{
    private readonly EdgeCaseOptions _options;

    public EdgeCaseAttack(EdgeCaseOptions options)
    {
        _options = options;
    }

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.TargetLabel;

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(data);
        foreach (var i in EdgeCaseTail.Indices(data, _options.SourceLabel, _options.Tail))
        {
            data.Labels[i] = _options.TargetLabel;
        }

        return data;
    }

    public ILocalModelConstraint ConstraintFor(ClientContext context) => new PgdBallConstraint(_options.Epsilon, _options.ProjectFrequency);

    /// <summary>The test set's edge cases: the tail of its source-class images, with their true labels.</summary>
    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        ArgumentNullException.ThrowIfNull(cleanTest);
        Check(cleanTest);
        return cleanTest.Subset(EdgeCaseTail.Indices(cleanTest, _options.SourceLabel, _options.Tail));
    }

    // The class count is known only once data is seen.
    private void Check(ImageSet data)
    {
        foreach (var (key, label) in new[] { (EdgeCaseOptions.SourceLabelKey.Key, _options.SourceLabel), (EdgeCaseOptions.TargetLabelKey.Key, _options.TargetLabel) })
        {
            if (label >= data.ClassCount)
            {
                throw new ConfigException($"attack_args.{key}", $"Class {label} does not exist: the data set has {data.ClassCount} classes, 0 to {data.ClassCount - 1}.");
            }
        }
    }
}
